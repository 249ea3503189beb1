package dev.credrift.watcher.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers' event handlers: each hands its event to the {@link ChangeListener} on the loop executor, because
 * informer threads must never run watcher logic, and keeps a failure in the loop from stopping event delivery.
 */
final class LoopHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(LoopHandlers.class);

    private final Executor loop;
    private final ChangeListener listener;

    LoopHandlers(Executor loop, ChangeListener listener) {
        this.loop = loop;
        this.listener = listener;
    }

    ResourceEventHandler<GenericKubernetesResource> bindings() {
        return handler((before, after) -> listener.bindingChanged(before, after));
    }

    ResourceEventHandler<Secret> secrets() {
        return handler((before, after) -> listener.secretChanged(after != null ? after : before));
    }

    ResourceEventHandler<Pod> pods() {
        return handler(listener::podChanged);
    }

    /** For objects the listener hears of by namespace and name only (ExternalSecrets, Rook users). */
    ResourceEventHandler<GenericKubernetesResource> named(BiConsumer<String, String> changed) {
        return handler((before, after) -> {
            HasMetadata object = after != null ? after : before;
            changed.accept(
                    object.getMetadata().getNamespace(), object.getMetadata().getName());
        });
    }

    private <T> ResourceEventHandler<T> handler(BiConsumer<T, T> onChange) {
        Consumer<Runnable> onLoop = task -> loop.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // a bug in the loop must not stop the informer's event delivery
                LOG.error(
                        "Watch: handling a change failed ({}: {})", e.getClass().getSimpleName(), e.getMessage(), e);
            }
        });
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                onLoop.accept(() -> onChange.accept(null, obj));
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                onLoop.accept(() -> onChange.accept(oldObj, newObj));
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                onLoop.accept(() -> onChange.accept(obj, null));
            }
        };
    }
}
