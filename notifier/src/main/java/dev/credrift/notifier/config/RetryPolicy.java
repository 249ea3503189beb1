package dev.credrift.notifier.config;

import java.time.Duration;

/**
 * How a message is retried: exponential backoff with jitter between attempts, except after a
 * {@code 429} or {@code 503} with {@code Retry-After}, where the sink's wish is honoured (up to
 * {@code maxRetryAfter}, so that a sink asking for an hour does not hold its queue for an hour).
 * Errors that cannot heal by waiting ({@code 4xx} other than 408 and 429, TLS failures) are not retried.
 *
 * @param maxAttempts    attempts in all, from 1 (no retry)
 * @param initialBackoff the wait before the second attempt
 * @param multiplier     how much each wait grows, at least 1
 * @param jitter         randomization factor in [0, 1): a wait of {@code w} becomes one in {@code w·(1±jitter)}
 * @param maxBackoff     the longest wait between attempts (before jitter)
 * @param maxRetryAfter  the longest {@code Retry-After} honoured
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        double jitter,
        Duration maxBackoff,
        Duration maxRetryAfter) {

    /** 5 attempts, 1 s doubling to at most 1 min, ±50 % jitter, {@code Retry-After} honoured up to 5 min. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), 2.0, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(5));

    /** Validates every field. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new InvalidNotifierConfig("retry", "maxAttempts", "must be 1 to 100");
        }
        Durations.positive(initialBackoff, "retry", "initialBackoff");
        if (!(multiplier >= 1.0) || multiplier > 100) {
            throw new InvalidNotifierConfig("retry", "multiplier", "must be 1 to 100");
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new InvalidNotifierConfig("retry", "jitter", "must be at least 0 and below 1");
        }
        Durations.positive(maxBackoff, "retry", "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidNotifierConfig("retry", "maxBackoff", "must not be shorter than initialBackoff");
        }
        Durations.positive(maxRetryAfter, "retry", "maxRetryAfter");
    }

    /** A single attempt, no retry (what {@code credrift notify test} uses). */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, multiplier, jitter, maxBackoff, maxRetryAfter);
    }
}
