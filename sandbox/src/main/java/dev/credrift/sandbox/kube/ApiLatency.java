package dev.credrift.sandbox.kube;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An artificially slow API server: every answer of the Kubernetes stand-in is held back by {@code fixed} plus a
 * uniformly random share of {@code jitter} (a Vert.x timer, so slow answers do not hold each other up). Issue 13:
 * freshness must not misfire when the API server, and so every emulator and informer, is slow.
 *
 * @param fixed  the least delay of every answer
 * @param jitter the most extra delay, drawn anew per answer
 */
public record ApiLatency(Duration fixed, Duration jitter) {

    /** No delay: the stand-in's default. */
    public static final ApiLatency NONE = new ApiLatency(Duration.ZERO, Duration.ZERO);

    public ApiLatency {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(jitter, "jitter");
        if (fixed.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException(
                    "API latency must not be negative (fixed " + fixed + ", jitter " + jitter + ")");
        }
    }

    /** Whether answers are delayed at all. */
    public boolean delays() {
        return !fixed.isZero() || !jitter.isZero();
    }

    /** The delay of one answer: {@code fixed} plus a share of {@code jitter} that {@code random} picks. */
    public Duration next(RandomGenerator random) {
        long jitterMillis = jitter.toMillis();
        return jitterMillis == 0 ? fixed : fixed.plusMillis(random.nextLong(jitterMillis + 1));
    }
}
