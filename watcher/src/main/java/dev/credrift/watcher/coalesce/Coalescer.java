package dev.credrift.watcher.coalesce;

import dev.credrift.events.BindingId;
import dev.credrift.watcher.index.Facet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Coalesces bursts of changes per binding: at most one flush per binding per window, and the first change after a
 * quiet window is flushed at once (after the changes already queued, so changes that arrive together leave
 * together).
 *
 * <p>Leading edge plus one trailing flush, rather than waiting for quiet: a Rook rotation (one Secret update) is
 * reported as fast as the informer sees it, while a burst (a hand edit in two steps, an ESO sync touching the
 * ExternalSecret and its Secret) costs at most one more observation per window, carrying the latest state.
 * A facet marked while its binding waits joins that binding's next flush.
 *
 * <p>Not thread-safe: owned by the watch loop, like the {@link Scheduler} it is given.
 */
public final class Coalescer {

    /** Receives the facets of one binding to observe now. */
    @FunctionalInterface
    public interface Flush {
        void flush(BindingId id, Set<Facet> facets);
    }

    private final long windowNanos;
    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private final Flush flush;

    private final Map<BindingId, EnumSet<Facet>> dirty = new LinkedHashMap<>();
    private final Map<BindingId, Long> lastFlush = new HashMap<>();
    private final Map<BindingId, Long> trailing = new HashMap<>();
    private final Set<BindingId> leading = new LinkedHashSet<>();
    private boolean leadingScheduled;

    /**
     * @param window   the least time between two flushes of one binding; zero flushes every change at once
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     */
    public Coalescer(Duration window, Scheduler scheduler, LongSupplier nanoTime, Flush flush) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("coalescing window must not be negative");
        }
        this.windowNanos = window.toNanos();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.flush = Objects.requireNonNull(flush, "flush");
    }

    /** Notes that {@code facets} of a binding changed. */
    public void mark(BindingId id, Set<Facet> facets) {
        if (facets.isEmpty()) {
            return;
        }
        dirty.computeIfAbsent(id, k -> EnumSet.noneOf(Facet.class)).addAll(facets);
        if (trailing.containsKey(id) || leading.contains(id)) {
            return;
        }
        Long last = lastFlush.get(id);
        long sinceLast = last == null ? Long.MAX_VALUE : nanoTime.getAsLong() - last;
        if (sinceLast >= windowNanos) {
            leading.add(id);
            if (!leadingScheduled) {
                leadingScheduled = true;
                scheduler.soon(this::flushLeading);
            }
        } else {
            long delayMillis = Math.max(1, (windowNanos - sinceLast + 999_999) / 1_000_000);
            trailing.put(id, scheduler.after(delayMillis, () -> {
                trailing.remove(id);
                flushOne(id);
            }));
        }
    }

    /** Forgets a binding that is gone: no flush will follow for it until it is marked again. */
    public void forget(BindingId id) {
        dirty.remove(id);
        lastFlush.remove(id);
        leading.remove(id);
        Long timer = trailing.remove(id);
        if (timer != null) {
            scheduler.cancel(timer);
        }
    }

    /** Flushes every binding with pending changes now, window or not (shutdown, leadership lost). */
    public void flushAll() {
        trailing.values().forEach(scheduler::cancel);
        trailing.clear();
        leading.clear();
        for (BindingId id : new ArrayList<>(dirty.keySet())) {
            flushOne(id);
        }
    }

    /** Drops every pending change without flushing (leadership lost: the next leader resyncs). */
    public void clear() {
        trailing.values().forEach(scheduler::cancel);
        trailing.clear();
        leading.clear();
        dirty.clear();
        lastFlush.clear();
    }

    /** Bindings with changes not flushed yet. */
    public int pending() {
        return dirty.size();
    }

    private void flushLeading() {
        leadingScheduled = false;
        List<BindingId> ids = new ArrayList<>(leading);
        leading.clear();
        ids.forEach(this::flushOne);
    }

    private void flushOne(BindingId id) {
        EnumSet<Facet> facets = dirty.remove(id);
        if (facets == null || facets.isEmpty()) {
            return;
        }
        lastFlush.put(id, nanoTime.getAsLong());
        flush.flush(id, facets);
    }
}
