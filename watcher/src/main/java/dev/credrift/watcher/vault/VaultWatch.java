package dev.credrift.watcher.vault;

import dev.credrift.connect.ConnectAnswer;
import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.ConnectReader;
import dev.credrift.connect.HttpConnectReader;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.VaultItemObserved;
import dev.credrift.watcher.publish.Backoff;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link VaultPoller} on a thread of its own (its requests block) every {@code pollInterval}, and soon after
 * a binding names a new item, while {@code active} (this replica leads and its caches synced). What changed goes to
 * {@code changes}, which hands it to the watch loop.
 */
public final class VaultWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VaultWatch.class);
    /** A burst of new bindings (a start, an apply of many) costs one extra poll, not one each. */
    private static final long SOON_MILLIS = 500;

    private final VaultPoller poller;
    private final ConnectReader connect;
    private final Duration interval;
    private final BooleanSupplier active;
    private final Consumer<List<VaultItemObserved>> changes;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean soon = new AtomicBoolean();
    private final AtomicBoolean resetRequested = new AtomicBoolean();
    private volatile Map<?, VaultTarget> targets = Map.of();

    VaultWatch(
            VaultPoller poller,
            ConnectReader connect,
            Duration interval,
            BooleanSupplier active,
            Consumer<List<VaultItemObserved>> changes) {
        this.poller = poller;
        this.connect = connect;
        this.interval = interval;
        this.active = active;
        this.changes = changes;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "credrift-watcher-vault");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.thread = executor;
    }

    /** A watch polling the Connect server of {@code polling}. */
    public static VaultWatch create(
            VaultPolling polling,
            Fingerprinter fingerprinter,
            BooleanSupplier active,
            Consumer<List<VaultItemObserved>> changes) {
        return create(polling, fingerprinter, active, changes, answer -> {});
    }

    /** A watch polling the Connect server of {@code polling}, handing each request's answer to {@code answers}. */
    public static VaultWatch create(
            VaultPolling polling,
            Fingerprinter fingerprinter,
            BooleanSupplier active,
            Consumer<List<VaultItemObserved>> changes,
            Consumer<ConnectAnswer> answers) {
        ConnectReader connect = new ObservedConnectReader(HttpConnectReader.create(connectConfig(polling)), answers);
        VaultPoller poller = new VaultPoller(
                connect,
                fingerprinter,
                new RequestBudget(polling.maxRequests(), polling.per(), System::nanoTime),
                new Backoff(
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(5),
                        () -> ThreadLocalRandom.current().nextDouble()),
                System::nanoTime);
        return new VaultWatch(poller, connect, polling.pollInterval(), active, changes);
    }

    // the shared client's settings; connecting may take as long as one request
    static ConnectClientConfig connectConfig(VaultPolling polling) {
        ConnectClientConfig config = ConnectClientConfig.of(polling.connectUrl(), polling.tokenFile())
                .withTimeouts(polling.requestTimeout(), polling.requestTimeout());
        return polling.caFile().map(config::withCaBundle).orElse(config);
    }

    /** Starts polling: at once, then every interval. */
    public void start() {
        thread.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The items to poll, by binding; a binding naming an item not polled before is polled soon. */
    public void targets(Map<?, VaultTarget> next) {
        Map<?, VaultTarget> before = targets;
        targets = Map.copyOf(next);
        if (next.entrySet().stream().anyMatch(e -> !e.getValue().equals(before.get(e.getKey())))) {
            pollSoon();
        }
    }

    /** Polls once more soon (new bindings, a new leader), outside the schedule; within the same budget. */
    public void pollSoon() {
        if (soon.compareAndSet(false, true)) {
            try {
                thread.schedule(
                        () -> {
                            soon.set(false);
                            pollQuietly();
                        },
                        SOON_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closed
            }
        }
    }

    /** The next poll reports every binding again, as if for the first time. */
    public void reset() {
        resetRequested.set(true);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connect.close();
    }

    private void pollQuietly() {
        try {
            if (resetRequested.compareAndSet(true, false)) {
                poller.reset();
            }
            if (!active.getAsBoolean()) {
                return;
            }
            Collection<VaultTarget> now = targets.values();
            List<VaultItemObserved> changed = poller.poll(now);
            if (!changed.isEmpty()) {
                changes.accept(changed);
            }
        } catch (RuntimeException e) {
            // a bug must not end the schedule (an exception would cancel it); messages never carry a value
            LOG.error("VaultPoll: polling failed ({}: {})", e.getClass().getSimpleName(), e.getMessage(), e);
        }
    }
}
