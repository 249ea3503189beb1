package dev.credrift.watcher.vault;

import dev.credrift.events.BindingId;
import java.util.Objects;

/**
 * One binding's 1Password item: {@code spec.vault.onePassword}.
 *
 * @param vault              vault name (or id)
 * @param item               item title (or id)
 * @param accessKeyIdField   label of the field holding the access key id
 * @param secretAccessKeyField label of the field holding the secret access key
 */
public record VaultTarget(
        BindingId bindingId, String vault, String item, String accessKeyIdField, String secretAccessKeyField) {

    public VaultTarget {
        Objects.requireNonNull(bindingId, "bindingId");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(accessKeyIdField, "accessKeyIdField");
        Objects.requireNonNull(secretAccessKeyField, "secretAccessKeyField");
    }

    /** The two labels, which decide the fingerprint read from one item version. */
    FieldPair fields() {
        return new FieldPair(accessKeyIdField, secretAccessKeyField);
    }

    record FieldPair(String accessKeyId, String secretAccessKey) {}
}
