package dev.credrift.watcher.coalesce;

/** Runs tasks later on the owner's thread: a Vert.x context in production, a hand-cranked clock in tests. */
public interface Scheduler {

    /** Runs {@code task} after the tasks already queued, without a delay. */
    void soon(Runnable task);

    /** Runs {@code task} after {@code delayMillis} (at least 1); returns an id for {@link #cancel}. */
    long after(long delayMillis, Runnable task);

    /** Cancels a task scheduled with {@link #after}, if it has not run yet. */
    void cancel(long id);
}
