package dev.credrift.sandbox.emulate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An informer handler that turns every add, update and delete into a key for a {@link ControllerLoop}: emulators
 * are level-triggered, so what changed does not matter, only which object to look at again.
 *
 * @param <T> the watched type
 */
public final class EnqueueingHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

    private final Function<T, Optional<String>> key;
    private final Consumer<String> enqueue;

    /** Queues {@code key(object)} when it is present. */
    public EnqueueingHandler(Function<T, Optional<String>> key, Consumer<String> enqueue) {
        this.key = Objects.requireNonNull(key, "key");
        this.enqueue = Objects.requireNonNull(enqueue, "enqueue");
    }

    /** Queues the object's own {@code <namespace>/<name>}. */
    public static <T extends HasMetadata> EnqueueingHandler<T> byObjectKey(Consumer<String> enqueue) {
        return new EnqueueingHandler<>(
                object -> Optional.of(ObjectKey.of(object).toString()), enqueue);
    }

    /** Queues the same fixed key for every event (controllers that reconcile everything at once). */
    public static <T extends HasMetadata> EnqueueingHandler<T> always(String fixedKey, Consumer<String> enqueue) {
        return new EnqueueingHandler<>(object -> Optional.of(fixedKey), enqueue);
    }

    @Override
    public void onAdd(T obj) {
        key.apply(obj).ifPresent(enqueue);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        key.apply(newObj).ifPresent(enqueue);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        key.apply(obj).ifPresent(enqueue);
    }
}
