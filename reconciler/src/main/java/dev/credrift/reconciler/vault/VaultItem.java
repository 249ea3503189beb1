package dev.credrift.reconciler.vault;

import java.util.List;

/** A full item: its reference (with version) and its fields. */
public record VaultItem(ItemRef ref, List<ItemField> fields) {

    public VaultItem {
        fields = List.copyOf(fields);
    }
}
