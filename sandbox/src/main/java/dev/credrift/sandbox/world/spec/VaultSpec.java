package dev.credrift.sandbox.world.spec;

import java.util.Collections;
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
     * @param fields   field label to value (concealed fields outside any section, in order)
     * @param sections section label to its fields (label to value), in order
     * @param location where it was declared
     */
    public record Item(
            String title,
            String category,
            Map<String, ValueTemplate> fields,
            Map<String, Map<String, ValueTemplate>> sections,
            SourceLocation location) {

        /** Copies the maps, keeping their order. */
        public Item {
            Objects.requireNonNull(fields, "fields");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            Map<String, Map<String, ValueTemplate>> copy = new LinkedHashMap<>();
            sections.forEach((label, sectionFields) ->
                    copy.put(label, Collections.unmodifiableMap(new LinkedHashMap<>(sectionFields))));
            sections = Collections.unmodifiableMap(copy);
        }

        /** An item without sections. */
        public Item(String title, String category, Map<String, ValueTemplate> fields, SourceLocation location) {
            this(title, category, fields, Map.of(), location);
        }
    }
}
