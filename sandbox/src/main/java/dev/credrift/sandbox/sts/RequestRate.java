package dev.credrift.sandbox.sts;

import java.time.Clock;

/** Counts requests per wall-clock second; answers whether one more is over the limit. Thread-safe. */
final class RequestRate {

    private final Clock clock;
    private volatile int limitPerSecond;
    private long second = Long.MIN_VALUE;
    private int count;

    RequestRate(Clock clock, int limitPerSecond) {
        this.clock = clock;
        this.limitPerSecond = limitPerSecond;
    }

    void limit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("STS request limit must be at least 1 per second");
        }
        limitPerSecond = perSecond;
    }

    /** Counts a request; true when it is over the limit of its second. */
    synchronized boolean overLimit() {
        long now = clock.millis() / 1000;
        if (now != second) {
            second = now;
            count = 0;
        }
        count++;
        return count > limitPerSecond;
    }
}
