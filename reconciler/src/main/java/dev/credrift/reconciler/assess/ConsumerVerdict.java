package dev.credrift.reconciler.assess;

import dev.credrift.reconciler.world.RollBlocker;
import dev.credrift.reconciler.world.WorkloadRef;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one consumer workload is fresh and ready.
 *
 * @param stale       some pod started before the replica last changed, or is not ready past the grace period
 * @param ready       every pod it should have is there and ready
 * @param rollBlocker why rolling it would not restart its pods (paused, OnDelete), if so
 * @param detail      for a human: which pod, since when, how it reads the Secret
 */
public record ConsumerVerdict(
        WorkloadRef workload, boolean stale, boolean ready, Optional<RollBlocker> rollBlocker, String detail) {

    public ConsumerVerdict {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(rollBlocker, "rollBlocker");
        Objects.requireNonNull(detail, "detail");
    }
}
