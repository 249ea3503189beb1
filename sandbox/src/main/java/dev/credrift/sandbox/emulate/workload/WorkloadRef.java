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

    /** StatefulSet {@code namespace/name}. */
    public static WorkloadRef statefulSet(String namespace, String name) {
        return new WorkloadRef(namespace, WorkloadKind.STATEFUL_SET, name);
    }

    @Override
    public String toString() {
        return namespace + "/" + kind.kind() + "/" + name;
    }
}
