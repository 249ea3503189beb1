package dev.credrift.app.run;

import java.time.Duration;

/** Exponential back-off with a ceiling: 1s, 2s, 4s … up to {@code max}, so a Kafka that comes up late is found soon. */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "retry back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait before retry number {@code attempt} (1 = the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("retry attempt starts at 1, got " + attempt);
        }
        int doublings = Math.min(attempt - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
