package dev.credrift.watcher.resource;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A namespaced object the watcher reads, by kind, namespace and name. Unlike {@code ObjectRef} in the event contract
 * it accepts any text, so that a binding naming an invalid object can still be indexed and reported.
 */
public record ObjectKey(ObjectKind kind, String namespace, String name) {

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    public static ObjectKey secret(String namespace, String name) {
        return new ObjectKey(ObjectKind.SECRET, namespace, name);
    }

    /** Whether namespace and name are legal Kubernetes names (the object can exist, and be watched by name). */
    public boolean legal() {
        return NAMESPACE.matcher(namespace).matches() && NAME.matcher(name).matches();
    }

    /** {@code <namespace>/<name>}, the informer cache key. */
    public String cacheKey() {
        return namespace + "/" + name;
    }

    /** {@code secret storage/rook-ceph-object-user-storage-loki}, for log contexts. */
    @Override
    public String toString() {
        return kind.logName() + " " + cacheKey();
    }
}
