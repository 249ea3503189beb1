package dev.credrift.watcher;

import dev.credrift.watcher.coalesce.Scheduler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Runs the loop's delayed work on its Vert.x context. */
final class VertxScheduler implements Scheduler {

    private final Vertx vertx;
    private final Context context;

    VertxScheduler(Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
    }

    @Override
    public void soon(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    @Override
    public long after(long delayMillis, Runnable task) {
        // timers set on a context fire on it; hop explicitly in case a caller is elsewhere
        return vertx.setTimer(Math.max(1, delayMillis), id -> context.runOnContext(v -> task.run()));
    }

    @Override
    public void cancel(long id) {
        vertx.cancelTimer(id);
    }
}
