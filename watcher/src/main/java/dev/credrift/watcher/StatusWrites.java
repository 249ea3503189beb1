package dev.credrift.watcher;

import dev.credrift.api.status.Condition;
import dev.credrift.events.BindingId;
import dev.credrift.watcher.resource.BindingRead;
import dev.credrift.watcher.status.ValidConditionWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vertx.core.WorkerExecutor;
import java.util.HashSet;
import java.util.Set;

/**
 * The loop's {@code Valid} condition writes: decided on the loop from the cached binding, written on the blocking
 * executor, at most one in flight per binding (the informer's next update shows whether it took).
 */
final class StatusWrites {

    private final boolean enabled;
    private final ValidConditionWriter writer;
    private final Activity activity;
    private final WorkerExecutor worker;
    private final Set<BindingId> inFlight = new HashSet<>();

    /** @param enabled {@code watcher.writeStatus}: whether the watcher writes the condition at all */
    StatusWrites(boolean enabled, ValidConditionWriter writer, Activity activity, WorkerExecutor worker) {
        this.enabled = enabled;
        this.writer = writer;
        this.activity = activity;
        this.worker = worker;
    }

    /** Writes the condition {@code read} calls for, unless the binding already carries it or the loop is inactive. */
    void ensure(BindingId id, GenericKubernetesResource raw, BindingRead read) {
        if (!enabled || !activity.active() || read == null) {
            return;
        }
        Condition desired = writer.desired(raw, read);
        if (writer.carries(raw, desired) || !inFlight.add(id)) {
            return;
        }
        worker.executeBlocking(
                        () -> {
                            if (!activity.stopping()) {
                                writer.write(raw, desired);
                            }
                            return null;
                        },
                        false)
                .onComplete(ar -> inFlight.remove(id));
    }
}
