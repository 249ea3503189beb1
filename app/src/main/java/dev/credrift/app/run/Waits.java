package dev.credrift.app.run;

import dev.credrift.app.kafka.KafkaAdminException;
import dev.credrift.app.roles.RoleStartException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The waits of one start-up: each bounded, and all of them cut short once {@code abort} completes (SIGTERM during
 * start-up), so that shutdown never has to wait for a slow or hanging start to finish on its own.
 */
final class Waits {

    private final CompletableFuture<Void> abort;

    Waits(CompletableFuture<Void> abort) {
        this.abort = abort;
    }

    /** @throws CredriftStartupException naming {@code what} when it fails, overruns {@code bound} or is aborted */
    <T> T await(Future<T> future, Duration bound, String what) {
        CompletableFuture<T> result = future.toCompletionStage().toCompletableFuture();
        try {
            CompletableFuture.anyOf(result, abort).get(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                throw new CredriftStartupException("shutdown requested while " + what, new CancellationException());
            }
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new CredriftStartupException(
                    cause instanceof KafkaAdminException || cause instanceof RoleStartException
                            ? cause.getMessage()
                            : what + " failed: " + cause,
                    cause);
        } catch (TimeoutException e) {
            throw new CredriftStartupException(what + " did not finish within " + bound.toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredriftStartupException("interrupted while " + what, e);
        }
    }
}
