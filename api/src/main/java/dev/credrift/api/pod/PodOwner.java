package dev.credrift.api.pod;

import dev.credrift.api.spec.WorkloadKind;
import java.util.Objects;

/** The Deployment, StatefulSet or DaemonSet that owns a pod. */
public record PodOwner(WorkloadKind kind, String namespace, String name) {

    public PodOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }
}
