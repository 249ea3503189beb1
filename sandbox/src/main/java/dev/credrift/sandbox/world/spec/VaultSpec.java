package dev.credrift.sandbox.world.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A 1Password vault and its items.
 *
 * @param name  the vault name
 * @param items its items
 */
public record VaultSpec(String name, List<Item> items) {

    /** Copies the list. */
    public VaultSpec {
        items = List.copyOf(items);
    }

    /**
     * One item.
     *
     * @param title    the item title
     * @param category the Connect category, e.g. {@code API_CREDENTIAL}
     * @param fields   field label to value (concealed fields, in order)
     * @param location where it was declared
     */
    public record Item(String title, String category, Map<String, ValueTemplate> fields, SourceLocation location) {

        /** Copies the map, keeping its order. */
        public Item {
            Objects.requireNonNull(fields, "fields");
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
