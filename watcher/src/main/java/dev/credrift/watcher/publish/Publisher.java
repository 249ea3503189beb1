package dev.credrift.watcher.publish;

import dev.credrift.events.BindingId;
import dev.credrift.events.LoggingKeys;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.EventType;
import dev.credrift.watcher.coalesce.Scheduler;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends observations to the sink with bounded memory: records wait in a queue keyed by binding and event type, so a
 * newer observation replaces an unsent older one (the reconciler is level-triggered: only the latest state matters)
 * and the queue can never hold more than one record per binding and type. Failed sends are retried with backoff and
 * jitter, all sending pausing meanwhile (the broker is most likely down); a failed record is dropped if a newer one
 * for its key arrived. One record per key is in flight at a time, which keeps per-binding order.
 *
 * <p>If even the keyed queue outgrows {@code maxPending} (more bindings than the bound allows), the oldest records
 * are dropped and counted: the next periodic resync publishes their bindings again.
 *
 * <p>Not thread-safe: owned by the watch loop; sink completions come back through {@link Scheduler#soon}.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** Queue key: one pending record per binding and event type. */
    public record Key(BindingId binding, EventType type) {}

    /** Counters since start; safe to read from any thread. */
    public record Stats(long published, long failedSends, long dropped, int pending, int inFlight) {}

    private final ObservationSink sink;
    private final String topic;
    private final int maxPending;
    private final int maxInFlight;
    private final Backoff backoff;
    private final Scheduler scheduler;

    private final LinkedHashMap<Key, KafkaRecord> pending = new LinkedHashMap<>();
    private final Set<Key> inFlight = new HashSet<>();
    private final List<Promise<Void>> drainWaiters = new ArrayList<>();
    private int consecutiveFailures;
    private boolean paused;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int pendingCount;
    private volatile int inFlightCount;

    public Publisher(
            ObservationSink sink, String topic, int maxPending, int maxInFlight, Backoff backoff, Scheduler scheduler) {
        if (maxPending < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxPending and maxInFlight must be positive");
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.maxPending = maxPending;
        this.maxInFlight = maxInFlight;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Queues a record, replacing an unsent one of the same key. */
    public void offer(Key key, KafkaRecord record) {
        if (!pending.containsKey(key) && pending.size() >= maxPending) {
            Iterator<Map.Entry<Key, KafkaRecord>> eldest = pending.entrySet().iterator();
            Key evicted = eldest.next().getKey();
            eldest.remove();
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 1000 == 0) {
                LOG.atWarn()
                        .addKeyValue(LoggingKeys.BINDING, evicted.binding())
                        .log(
                                "Publish({}): queue full ({} records), dropped the oldest ({}); {} dropped so far,"
                                        + " the next resync publishes them again",
                                topic,
                                maxPending,
                                evicted.type().typeName(),
                                total);
            }
        }
        pending.put(key, record);
        pump();
    }

    /** Drops every queued record (leadership lost: the next leader resyncs). In-flight sends complete. */
    public void clear() {
        pending.clear();
        updateCounts();
        checkDrained();
    }

    /** Completes when nothing is queued or in flight (at once if so already). */
    public Future<Void> whenDrained() {
        Promise<Void> promise = Promise.promise();
        drainWaiters.add(promise);
        checkDrained();
        return promise.future();
    }

    public Stats stats() {
        return new Stats(published.get(), failedSends.get(), dropped.get(), pendingCount, inFlightCount);
    }

    private void pump() {
        if (!paused) {
            Iterator<Map.Entry<Key, KafkaRecord>> it = pending.entrySet().iterator();
            while (inFlight.size() < maxInFlight && it.hasNext()) {
                Map.Entry<Key, KafkaRecord> next = it.next();
                Key key = next.getKey();
                if (inFlight.contains(key)) {
                    continue;
                }
                KafkaRecord record = next.getValue();
                it.remove();
                inFlight.add(key);
                send(key, record);
            }
        }
        updateCounts();
        checkDrained();
    }

    private void send(Key key, KafkaRecord record) {
        Future<Void> sent;
        try {
            sent = sink.send(topic, record);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        sent.onComplete(result -> scheduler.soon(() -> completed(key, record, result)));
    }

    private void completed(Key key, KafkaRecord record, AsyncResult<Void> result) {
        inFlight.remove(key);
        if (result.succeeded()) {
            published.incrementAndGet();
            consecutiveFailures = 0;
        } else {
            failedSends.incrementAndGet();
            consecutiveFailures++;
            if (!pending.containsKey(key)) {
                pending.put(key, record);
            }
            if (!paused) {
                paused = true;
                long delay = backoff.delayMillis(consecutiveFailures);
                Throwable cause = result.cause();
                LOG.atWarn()
                        .addKeyValue(LoggingKeys.BINDING, key.binding())
                        .log(
                                "Publish({}): sending {} failed ({}: {}); retrying in {} ms",
                                topic,
                                key.type().typeName(),
                                cause.getClass().getSimpleName(),
                                cause.getMessage(),
                                delay);
                scheduler.after(delay, () -> {
                    paused = false;
                    pump();
                });
            }
        }
        pump();
    }

    private void checkDrained() {
        if (pending.isEmpty() && inFlight.isEmpty() && !drainWaiters.isEmpty()) {
            List<Promise<Void>> waiters = new ArrayList<>(drainWaiters);
            drainWaiters.clear();
            waiters.forEach(Promise::tryComplete);
        }
    }

    private void updateCounts() {
        pendingCount = pending.size();
        inFlightCount = inFlight.size();
    }
}
