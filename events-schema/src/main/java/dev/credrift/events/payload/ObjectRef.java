package dev.credrift.events.payload;

/** A namespaced Kubernetes object, e.g. Secret {@code monitoring/loki-s3-credentials}. */
public record ObjectRef(String namespace, String name) {

    /** Both parts must be Kubernetes names. */
    public ObjectRef {
        Check.namespace(namespace, "namespace");
        Check.name(name, "name");
    }

    /** {@code <namespace>/<name>}. */
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
