package dev.credrift.app.rotate;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The binding's status as it changes: a watch puts every version in a queue, so a phase that lasts less than a poll
 * is still seen. {@link #next} also returns empty every {@link #POLL} without news, and the caller reads the binding
 * itself then: a watch that closed does not leave it waiting for the timeout.
 */
final class StatusFeed implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(2);

    private final BlockingQueue<Map<String, Object>> changes = new LinkedBlockingQueue<>();
    private final Watch watch;

    private StatusFeed(Resource<GenericKubernetesResource> resource) {
        this.watch = resource == null
                ? null
                : resource.watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource binding) {
                        Map<String, Object> status = RotateCommand.map(binding, "status");
                        if (status != null) {
                            changes.offer(status);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // the caller polls once the queue stays empty
                    }
                });
    }

    static StatusFeed watch(Resource<GenericKubernetesResource> resource) {
        return new StatusFeed(resource);
    }

    static StatusFeed none() {
        return new StatusFeed(null);
    }

    /** The next status seen within {@code left} (at most {@link #POLL}); empty if none. */
    Optional<Map<String, Object>> next(Duration left) {
        long millis = Math.max(1, Math.min(left.toMillis(), POLL.toMillis()));
        try {
            return Optional.ofNullable(changes.poll(millis, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
