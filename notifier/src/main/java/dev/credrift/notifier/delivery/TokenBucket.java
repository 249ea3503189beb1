package dev.credrift.notifier.delivery;

import dev.credrift.notifier.config.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sink's rate limit: {@code burst} tokens, refilled at {@code permits} per {@code period}. A request
 * takes a token or is told how long to wait for one. Not thread-safe (one sink worker uses it).
 */
public final class TokenBucket {

    private final Clock clock;
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private Instant refilledAt;

    /** A full bucket. */
    public TokenBucket(RateLimit limit, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = limit.burst();
        this.tokensPerNano = limit.permits() / (double) limit.period().toNanos();
        this.tokens = capacity;
        this.refilledAt = clock.instant();
    }

    /** Takes a token and returns zero, or takes nothing and returns how long until one is there. */
    public Duration take() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            tokens = Math.min(
                    capacity, tokens + Duration.between(refilledAt, now).toNanos() * tokensPerNano);
            refilledAt = now;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1.0 - tokens) / tokensPerNano));
    }
}
