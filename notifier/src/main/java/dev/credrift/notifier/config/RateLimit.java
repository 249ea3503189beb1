package dev.credrift.notifier.config;

import java.time.Duration;

/**
 * How many requests a sink gets: {@code permits} per {@code period}, with bursts of up to {@code burst}.
 * Requests over the limit wait their turn; nothing is dropped. Retries count too.
 */
public record RateLimit(int permits, Duration period, int burst) {

    /** Slack's incoming webhooks allow about one message per second, with short bursts. */
    public static final RateLimit SLACK_DEFAULT = new RateLimit(1, Duration.ofSeconds(1), 3);
    /** A generic receiver: 20 per second. */
    public static final RateLimit WEBHOOK_DEFAULT = new RateLimit(20, Duration.ofSeconds(1), 20);

    /** Validates every field. */
    public RateLimit {
        if (permits < 1) {
            throw new InvalidNotifierConfig("rateLimit", "permits", "must be at least 1");
        }
        Durations.positive(period, "rateLimit", "period");
        if (burst < 1) {
            throw new InvalidNotifierConfig("rateLimit", "burst", "must be at least 1");
        }
    }
}
