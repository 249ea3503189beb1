package dev.credrift.reconciler.step;

import java.time.Duration;
import java.util.Objects;

/**
 * How long steps wait and how often they look.
 *
 * @param awaitReplica   the longest to wait for the replica to match after a force-sync
 * @param pollInterval   how often waiting steps look again
 * @param globalDeferral how long a roll waits when the global rollout budget is spent
 */
public record StepTimings(Duration awaitReplica, Duration pollInterval, Duration globalDeferral) {

    public StepTimings {
        Objects.requireNonNull(awaitReplica, "awaitReplica");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(globalDeferral, "globalDeferral");
        if (awaitReplica.isNegative() || pollInterval.toMillis() < 1 || globalDeferral.toMillis() < 1) {
            throw new IllegalArgumentException("step timings must be positive");
        }
    }

    /** 3 min for the replica, a look every 2 s, 10 min deferral. */
    public static StepTimings defaults() {
        return new StepTimings(Duration.ofMinutes(3), Duration.ofSeconds(2), Duration.ofMinutes(10));
    }
}
