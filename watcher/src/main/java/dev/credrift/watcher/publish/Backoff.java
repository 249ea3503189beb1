package dev.credrift.watcher.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": half the capped exponential delay, plus a random part of the other half,
 * so that replicas retrying after one broker outage do not all come back at the same instant.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public long delayMillis(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(maxMillis, initialMillis << shift);
        if (capped <= 0) {
            capped = maxMillis;
        }
        long half = capped / 2;
        return Math.max(1, half + (long) (random.getAsDouble() * (capped - half)));
    }
}
