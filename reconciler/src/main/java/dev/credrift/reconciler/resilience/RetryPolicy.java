package dev.credrift.reconciler.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed remediation again: {@code initial × multiplier^(failures-1)}, capped at {@code max}, with
 * ±{@code jitter}; after {@code haltAfter} failures in a row the binding is halted (REPEATED_FAILURE).
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, double jitter, int haltAfter) {

    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative()
                || initial.isZero()
                || max.compareTo(initial) < 0
                || multiplier < 1
                || jitter < 0
                || jitter >= 1
                || haltAfter < 1) {
            throw new IllegalArgumentException("retry policy: initial > 0, max >= initial, multiplier >= 1,"
                    + " jitter in [0, 1), haltAfter >= 1");
        }
    }

    /** 30 s, doubling to 30 min, ±20 %; halt after 6 failures in a row. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(30), 0.2, 6);
    }

    /** The wait after the {@code failures}-th failure in a row (from 1). */
    public Duration delay(int failures, DoubleSupplier random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        double capped = Math.min(base, max.toMillis());
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
    }

    /**
     * {@code wait} stretched by up to {@code jitter} of itself: bindings a budget refused together come back spread
     * out, never before the budget can have refilled.
     */
    public Duration later(Duration wait, DoubleSupplier random) {
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * (1 + jitter * random.getAsDouble()))));
    }
}
