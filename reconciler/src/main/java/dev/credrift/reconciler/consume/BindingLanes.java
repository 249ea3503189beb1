package dev.credrift.reconciler.consume;

import dev.credrift.events.BindingId;
import dev.credrift.events.LoggingKeys;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane per binding: at most one handling of a binding at a time, in arrival order, and nudges that arrive
 * meanwhile coalesced into one more handling. Lanes wait their turn for a bulkhead permit, first come first served,
 * so different bindings run concurrently up to the bulkhead's limit. Used from one Vert.x context only.
 */
public final class BindingLanes {

    private static final Logger LOG = LoggerFactory.getLogger(BindingLanes.class);

    private static final class Lane {
        final BindingId id;
        final List<Runnable> waitingDone = new ArrayList<>();
        Trigger trigger;
        boolean running;
        boolean queued;

        Lane(BindingId id) {
            this.id = id;
        }
    }

    private final Bulkhead bulkhead;
    private final BiFunction<BindingId, Trigger, Future<Void>> handler;
    private final Map<BindingId, Lane> lanes = new HashMap<>();
    private final Deque<Lane> queue = new ArrayDeque<>();

    public BindingLanes(Bulkhead bulkhead, BiFunction<BindingId, Trigger, Future<Void>> handler) {
        this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Asks for a handling of {@code id}.
     *
     * @param whenDone runs once a handling that started after this call has ended
     */
    public void submit(BindingId id, Trigger trigger, Runnable whenDone) {
        Lane lane = lanes.computeIfAbsent(id, Lane::new);
        lane.waitingDone.add(whenDone);
        lane.trigger = trigger.merge(lane.trigger);
        if (!lane.running && !lane.queued) {
            lane.queued = true;
            queue.add(lane);
            drain();
        }
    }

    /** Whether a binding is being handled or waiting for a permit. */
    public boolean busy(BindingId id) {
        return lanes.containsKey(id);
    }

    /** Bindings being handled or waiting for a permit. */
    public int busy() {
        return lanes.size();
    }

    private void drain() {
        while (!queue.isEmpty() && bulkhead.tryAcquirePermission()) {
            run(queue.poll());
        }
    }

    private void run(Lane lane) {
        lane.queued = false;
        lane.running = true;
        Trigger trigger = lane.trigger;
        lane.trigger = null;
        List<Runnable> done = new ArrayList<>(lane.waitingDone);
        lane.waitingDone.clear();
        Future<Void> handling;
        try {
            handling = handler.apply(lane.id, trigger);
        } catch (RuntimeException e) {
            handling = Future.failedFuture(e);
        }
        handling.onComplete(ar -> {
            bulkhead.onComplete();
            lane.running = false;
            if (ar.failed()) {
                LOG.atDebug().addKeyValue(LoggingKeys.BINDING, lane.id)
                        .log("handling ended with a failure (reported by the handler)");
            }
            done.forEach(Runnable::run);
            if (lane.waitingDone.isEmpty()) {
                lanes.remove(lane.id);
            } else {
                lane.queued = true;
                queue.add(lane);
            }
            drain();
        });
    }
}
