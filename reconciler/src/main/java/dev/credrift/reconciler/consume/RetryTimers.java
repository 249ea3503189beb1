package dev.credrift.reconciler.consume;

import dev.credrift.events.BindingId;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** At most one pending timer per binding (the earliest wins); fired timers submit a {@link Trigger#TIMER}. */
public final class RetryTimers {

    private record Pending(long timerId, Instant due) {}

    private final Vertx vertx;
    private final Clock clock;
    private final Consumer<BindingId> fire;
    private final Map<BindingId, Pending> pending = new HashMap<>();

    public RetryTimers(Vertx vertx, Clock clock, Consumer<BindingId> fire) {
        this.vertx = vertx;
        this.clock = clock;
        this.fire = fire;
    }

    public void schedule(BindingId id, Duration delay) {
        Instant due = clock.instant().plus(delay);
        Pending existing = pending.get(id);
        if (existing != null && !existing.due().isAfter(due)) {
            return;
        }
        if (existing != null) {
            vertx.cancelTimer(existing.timerId());
        }
        long timerId = vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
            pending.remove(id);
            fire.accept(id);
        });
        pending.put(id, new Pending(timerId, due));
    }

    public void cancelAll() {
        pending.values().forEach(p -> vertx.cancelTimer(p.timerId()));
        pending.clear();
    }
}
