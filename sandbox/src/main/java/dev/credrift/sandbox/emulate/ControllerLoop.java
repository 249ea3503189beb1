package dev.credrift.sandbox.emulate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's work queue: keys handed in from watches and ticks are reconciled one at a time on one thread, and
 * a key already waiting is not queued twice (a burst of events costs one reconcile). A key enqueued while it is being
 * reconciled runs again afterwards, so no change is missed.
 */
public final class ControllerLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerLoop.class);

    private final String name;
    private final Consumer<String> reconcile;
    private final ExecutorService executor;
    private final Set<String> pending = new HashSet<>();
    private boolean closed;

    /** A loop named {@code name} (the thread is {@code sandbox-<name>}) that hands each key to {@code reconcile}. */
    public ControllerLoop(String name, Consumer<String> reconcile) {
        this.name = Objects.requireNonNull(name, "name");
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code key} unless it is already waiting. */
    public synchronized void enqueue(String key) {
        if (closed || !pending.add(Objects.requireNonNull(key, "key"))) {
            return;
        }
        executor.execute(() -> run(key));
    }

    /** Whether nothing is waiting (a reconcile may still be running). */
    public synchronized boolean isIdle() {
        return pending.isEmpty();
    }

    private void run(String key) {
        synchronized (this) {
            pending.remove(key);
            if (closed) {
                return;
            }
        }
        try {
            reconcile.accept(key);
        } catch (RuntimeException e) {
            if (isClosed()) {
                // interrupted by close(): nothing to report
                LOG.debug("{}: reconciling {} stopped by close: {}", name, key, e.toString());
                return;
            }
            // messages of our own exceptions never carry credentials; the next tick retries
            LOG.warn("{}: reconciling {} failed: {}", name, key, e.toString());
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the thread; waits briefly for a reconcile in progress. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pending.clear();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
