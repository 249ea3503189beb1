package dev.credrift.reconciler.resilience;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What a {@link Guard} runs on in a test: a Vert.x instance, its worker pool and a retry scheduler; close after. */
public final class GuardRuntime implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final WorkerExecutor worker;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public GuardRuntime(String name) {
        this.worker = vertx.createSharedWorkerExecutor(name, 2);
    }

    public WorkerExecutor worker() {
        return worker;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public Context context() {
        return vertx.getOrCreateContext();
    }

    /** The guarded call's result, waiting at most 10 s. */
    public <T> T await(Future<T> call) throws Exception {
        return call.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        worker.close();
        vertx.close();
    }
}
