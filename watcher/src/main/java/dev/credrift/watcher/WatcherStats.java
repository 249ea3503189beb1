package dev.credrift.watcher;

/**
 * A snapshot of the watcher, for health, readiness and metrics.
 *
 * @param leader      this replica holds the lease (or election is off) and emits
 * @param synced      the caches have synced since start
 * @param bindings    bindings known
 * @param informers   informers running
 * @param published   records acknowledged by Kafka
 * @param failedSends sends that failed (each is retried)
 * @param dropped     records dropped because the queue was full (their bindings are republished at resync)
 * @param pending     records queued or in flight
 */
public record WatcherStats(
        boolean leader,
        boolean synced,
        int bindings,
        int informers,
        long published,
        long failedSends,
        long dropped,
        int pending) {}
