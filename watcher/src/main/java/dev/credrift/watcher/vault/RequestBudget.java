package dev.credrift.watcher.vault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * At most {@code max} requests within any window of length {@code per} (a sliding log, not a token bucket: a token
 * bucket of {@code max} lets twice that through across a window boundary). Not thread-safe: one poller owns it.
 */
final class RequestBudget {

    private final int max;
    private final long perNanos;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    RequestBudget(int max, Duration per, LongSupplier nanoTime) {
        if (max < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("budget needs max >= 1 and a positive window");
        }
        this.max = max;
        this.perNanos = per.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the budget, if any is left now. */
    boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= perNanos) {
            sent.pollFirst();
        }
        if (sent.size() >= max) {
            return false;
        }
        sent.addLast(now);
        return true;
    }
}
