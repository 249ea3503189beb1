package dev.credrift.sandbox.emulate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * A namespaced object's address, {@code <namespace>/<name>}: the key emulators queue and index by.
 *
 * @param namespace the namespace
 * @param name      the name
 */
public record ObjectKey(String namespace, String name) {

    /** Requires both parts. */
    public ObjectKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** The key of {@code object}. */
    public static ObjectKey of(HasMetadata object) {
        return new ObjectKey(
                object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /** Parses {@code <namespace>/<name>}. */
    public static ObjectKey parse(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1 || key.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("expected <namespace>/<name>, got '" + key + "'");
        }
        return new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
