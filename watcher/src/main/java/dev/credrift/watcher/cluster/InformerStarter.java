package dev.credrift.watcher.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops one informer the way every cache needs it: it retries after failures (until the caches close),
 * logging with a reconciliation-style context such as {@code Watch(secret storage/rook-ceph-object-user-storage-loki)}
 * and naming the failure itself rather than the future that carried it. Blocking; call it on the blocking executor.
 */
final class InformerStarter {

    // the caches' logger, as before this was split out: log filters and captures name it
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCaches.class);

    private final BooleanSupplier closed;

    InformerStarter(BooleanSupplier closed) {
        this.closed = closed;
    }

    <T extends HasMetadata> CompletableFuture<Void> start(
            SharedIndexInformer<T> informer, String what, ResourceEventHandler<? super T> handler) {
        String context = "Watch(" + what + ")";
        informer.addEventHandler(handler);
        informer.exceptionHandler((started, failure) -> {
            if (closed.getAsBoolean()) {
                return false;
            }
            Throwable cause = failure;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause(); // name what failed, not the future that carried it
            }
            LOG.warn(
                    "{}: {} failed, retrying: {}: {}",
                    context,
                    started ? "watch" : "list",
                    cause.getClass().getSimpleName(),
                    cause.getMessage());
            return true;
        });
        LOG.debug("{}: starting", context);
        return informer.start().toCompletableFuture();
    }

    static void stopQuietly(SharedIndexInformer<?> informer) {
        if (informer == null) {
            return;
        }
        try {
            informer.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping an informer failed", e);
        }
    }
}
