package dev.credrift.watcher.resource;

import dev.credrift.events.payload.ConsumerReadinessObserved.WorkloadKind;
import java.util.Objects;

/** A Deployment, StatefulSet or DaemonSet, by kind, namespace and name. */
public record WorkloadRef(WorkloadKind kind, String namespace, String name) {

    public WorkloadRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** {@code StatefulSet/monitoring/loki}: the pod index key. */
    public String indexKey() {
        return kind.name() + "/" + namespace + "/" + name;
    }
}
