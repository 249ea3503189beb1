package dev.credrift.reconciler.world;

import dev.credrift.api.spec.WorkloadKind;
import java.util.Objects;

/**
 * A workload credrift may roll: Deployment, StatefulSet or DaemonSet, by namespace and name.
 *
 * @param kind never {@link WorkloadKind#UNRECOGNIZED}
 */
public record WorkloadRef(WorkloadKind kind, String namespace, String name) implements Comparable<WorkloadRef> {

    public WorkloadRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (kind == WorkloadKind.UNRECOGNIZED) {
            throw new IllegalArgumentException("workload kind must be Deployment, StatefulSet or DaemonSet");
        }
    }

    /** E.g. {@code StatefulSet monitoring/loki}: the target of plan steps and journal entries. */
    public String describe() {
        return kind.wireName() + " " + namespace + "/" + name;
    }

    /** Parses {@link #describe()}; empty-handed callers get an {@link IllegalArgumentException}. */
    public static WorkloadRef parse(String described) {
        int space = described == null ? -1 : described.indexOf(' ');
        int slash = described == null ? -1 : described.indexOf('/', space + 1);
        if (space < 0 || slash < 0) {
            throw new IllegalArgumentException("a workload must look like '<Kind> <namespace>/<name>'");
        }
        WorkloadKind kind = WorkloadKind.fromWire(described.substring(0, space));
        if (kind == null || kind == WorkloadKind.UNRECOGNIZED) {
            throw new IllegalArgumentException("a workload kind must be Deployment, StatefulSet or DaemonSet");
        }
        return new WorkloadRef(kind, described.substring(space + 1, slash), described.substring(slash + 1));
    }

    @Override
    public int compareTo(WorkloadRef other) {
        return describe().compareTo(other.describe());
    }

    @Override
    public String toString() {
        return describe();
    }
}
