package dev.credrift.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to keep reading an item after a write until the new values show: Connect may serve the
 * previous version for a while. Delays double from {@code initialDelay} up to {@code maxDelay}; the
 * wait ends after {@code maxAttempts} reads or once {@code timeout} has passed, whichever is first.
 */
public record ReadBackPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration timeout) {

    public ReadBackPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeout, "timeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("readBack.maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "readBack delays must be non-negative, maxDelay >= initialDelay, timeout >= 0");
        }
    }

    /** 10 reads, 200 ms doubling to 2 s, at most 30 s. */
    public static ReadBackPolicy defaults() {
        return new ReadBackPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }
}
