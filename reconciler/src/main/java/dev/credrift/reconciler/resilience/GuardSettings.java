package dev.credrift.reconciler.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * One external system's retry, circuit breaker and time limit.
 *
 * @param maxAttempts         tries per call, the first included
 * @param initialBackoff      wait before the second try; doubles ({@code multiplier}) up to {@code maxBackoff}
 * @param jitter              randomization factor of each wait, 0 to 1
 * @param failureRate         percent of failed calls (in the window) that opens the breaker
 * @param window              calls the breaker looks back on
 * @param minimumCalls        calls before the breaker judges at all
 * @param openFor             how long an open breaker refuses calls before trying again
 * @param timeLimit           the longest one try may take
 */
public record GuardSettings(
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        double jitter,
        Duration maxBackoff,
        float failureRate,
        int window,
        int minimumCalls,
        Duration openFor,
        Duration timeLimit) {

    public GuardSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("guard maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(openFor, "openFor");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (multiplier < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("guard multiplier must be >= 1 and jitter in [0, 1)");
        }
        if (failureRate <= 0 || failureRate > 100 || window < 1 || minimumCalls < 1) {
            throw new IllegalArgumentException("guard failureRate must be in (0, 100], window and minimumCalls >= 1");
        }
    }

    /** 4 tries (0.5 s, 1 s, 2 s apart, ±50 %), breaker at 50 % of 20 calls, open 30 s, 30 s per try. */
    public static GuardSettings defaults() {
        return new GuardSettings(
                4,
                Duration.ofMillis(500),
                2.0,
                0.5,
                Duration.ofSeconds(10),
                50f,
                20,
                10,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    /**
     * STS: 5 tries 1 s, 2 s, 4 s, 8 s apart (±50 %), 20 s per try. Throttling ({@code Throttling.User}: Alibaba
     * allows 100 requests per second) is retried after these waits, never at once, so a throttled STS sees fewer
     * requests, not more.
     */
    public static GuardSettings sts() {
        return new GuardSettings(
                5,
                Duration.ofSeconds(1),
                2.0,
                0.5,
                Duration.ofSeconds(15),
                50f,
                20,
                10,
                Duration.ofSeconds(30),
                Duration.ofSeconds(20));
    }

    public GuardSettings withTimeLimit(Duration limit) {
        return new GuardSettings(
                maxAttempts,
                initialBackoff,
                multiplier,
                jitter,
                maxBackoff,
                failureRate,
                window,
                minimumCalls,
                openFor,
                limit);
    }

    public GuardSettings withBackoff(int attempts, Duration initial, Duration max) {
        return new GuardSettings(
                attempts, initial, multiplier, jitter, max, failureRate, window, minimumCalls, openFor, timeLimit);
    }
}
