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
 * so different bindings are assessed concurrently up to the bulkhead's limit. A handling gives its permit back as
 * soon as it has assessed ({@link Handler}): what follows — publishing, and above all a remediation with its awaits,
 * which may take minutes — holds the binding's lane but no shared permit, so the first look at a binding after a
 * change never queues behind other bindings' remediations (issue 13). Used from one Vert.x context only.
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

    /** One handling of a binding. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param assessed to be run once the handling has assessed the binding: returns the permit early (running
         *                 it again, or not at all, is harmless: the permit is returned when the handling ends)
         */
        Future<Void> handle(BindingId id, Trigger trigger, Runnable assessed);
    }

    private final Bulkhead bulkhead;
    private final Handler handler;
    private final Map<BindingId, Lane> lanes = new HashMap<>();
    private final Deque<Lane> queue = new ArrayDeque<>();

    public BindingLanes(Bulkhead bulkhead, Handler handler) {
        this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Lanes whose handlings hold their permit to the end. */
    public BindingLanes(Bulkhead bulkhead, BiFunction<BindingId, Trigger, Future<Void>> handler) {
        this(bulkhead, (id, trigger, assessed) -> handler.apply(id, trigger));
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
        boolean[] held = {true};
        Runnable release = () -> {
            if (held[0]) {
                held[0] = false;
                bulkhead.onComplete();
                drain();
            }
        };
        Future<Void> handling;
        try {
            handling = handler.handle(lane.id, trigger, release);
        } catch (RuntimeException e) {
            handling = Future.failedFuture(e);
        }
        handling.onComplete(ar -> {
            if (held[0]) {
                held[0] = false;
                bulkhead.onComplete();
            }
            lane.running = false;
            if (ar.failed()) {
                LOG.atDebug()
                        .addKeyValue(LoggingKeys.BINDING, lane.id)
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
