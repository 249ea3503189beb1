package dev.credrift.reconciler.world;

import java.util.Objects;

/**
 * Why a rollout restart would not restart a workload's pods, and what a human must do instead.
 *
 * @param detail which workload and why, e.g. {@code Deployment monitoring/loki-read is paused}
 */
public record RollBlocker(Kind kind, String detail) {

    /** The kinds of blocker. */
    public enum Kind {
        /** A paused Deployment: the controller makes no new ReplicaSet until it is resumed. */
        PAUSED,
        /** {@code updateStrategy: OnDelete}: a new template reaches only pods deleted by hand. */
        ON_DELETE
    }

    public RollBlocker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static RollBlocker paused(WorkloadRef workload) {
        return new RollBlocker(Kind.PAUSED, workload.describe() + " is paused");
    }

    public static RollBlocker onDelete(WorkloadRef workload) {
        return new RollBlocker(
                Kind.ON_DELETE,
                workload.describe() + " has updateStrategy OnDelete: a rollout restart" + " does not replace its pods");
    }

    /** For a human, when its pods are stale: that credrift did not roll it, and what to do. */
    public String notRolled() {
        return detail + ": not rolled; "
                + (kind == Kind.PAUSED ? "resume it or restart its pods" : "restart its pods by hand");
    }
}
