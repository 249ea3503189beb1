package dev.credrift.watcher;

/**
 * Where the loop stands in its lifecycle: leading (holds the Lease, or election is off), caches synced, stopping.
 * Only the loop changes it; {@link #active()} is also read by the 1Password poller's thread and by stats, hence the
 * volatile fields.
 */
final class Activity {

    private volatile boolean leading;
    private volatile boolean cachesSynced;
    private volatile boolean stopping;

    /**
     * Whether the loop observes, emits and writes status: it leads, its caches synced, and it is not stopping. One
     * predicate, so that publishing, resyncs, status writes and polling agree on when the replica acts.
     */
    boolean active() {
        return cachesSynced && leading && !stopping;
    }

    boolean leading() {
        return leading;
    }

    boolean cachesSynced() {
        return cachesSynced;
    }

    boolean stopping() {
        return stopping;
    }

    /** Leadership gained ({@code true}) or lost. */
    void lead(boolean leading) {
        this.leading = leading;
    }

    /** The caches have synced; they stay so for the loop's life. */
    void synced() {
        this.cachesSynced = true;
    }

    /** The loop is stopping; it never acts again. */
    void stop() {
        this.stopping = true;
    }
}
