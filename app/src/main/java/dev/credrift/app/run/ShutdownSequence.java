package dev.credrift.app.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs shutdown steps in the order given, each bounded by what is left of one overall budget (but at least
 * {@link #MIN_STEP}, so a step that overran does not rob the later ones of any chance). A step that fails or
 * overruns is logged and skipped: the broker must still be stopped even if the HTTP server hung.
 */
final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    static final Duration MIN_STEP = Duration.ofSeconds(1);

    private final long deadlineNanos;

    ShutdownSequence(Duration budget) {
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    /** A step that is already asynchronous. */
    void await(String name, Supplier<? extends CompletionStage<?>> step) {
        CompletableFuture<?> future;
        try {
            future = step.get().toCompletableFuture();
        } catch (RuntimeException e) {
            LOG.warn("shutdown: {} failed: {}", name, e.toString());
            return;
        }
        waitFor(name, future);
    }

    /** A blocking step, run on its own daemon thread so that it cannot hold the sequence past its bound. */
    void run(String name, Runnable step) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        step.run();
                        future.complete(null);
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                },
                "credrift-shutdown-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        waitFor(name, future);
    }

    private void waitFor(String name, CompletableFuture<?> future) {
        long remaining = Math.max(MIN_STEP.toNanos(), deadlineNanos - System.nanoTime());
        try {
            future.get(remaining, TimeUnit.NANOSECONDS);
            LOG.debug("shutdown: {} done", name);
        } catch (TimeoutException e) {
            LOG.warn(
                    "shutdown: {} did not finish within {} ms; moving on",
                    name,
                    TimeUnit.NANOSECONDS.toMillis(remaining));
        } catch (ExecutionException e) {
            LOG.warn("shutdown: {} failed: {}", name, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("shutdown: interrupted while waiting for {}", name);
        }
    }
}
