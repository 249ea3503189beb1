package dev.credrift.sandbox.emulate.workload;

import java.util.Objects;

/**
 * A workload, e.g. {@code monitoring/StatefulSet/loki}.
 *
 * @param namespace its namespace
 * @param kind      Deployment, StatefulSet or DaemonSet
 * @param name      its name
 */
public record WorkloadRef(String namespace, WorkloadKind kind, String name) {

    /** Requires every part. */
    public WorkloadRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return namespace + "/" + kind.kind() + "/" + name;
    }
}
