package dev.credrift.reconciler.it;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.StepHook;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A rotation's overlap as the rotation ITs check it: right after every rollout acted, the store's verdict on each key
 * the store user holds then (empty = accepted). Both keys must be listed and accepted while the consumers roll.
 */
final class Overlap implements StepHook {

    private final ItWorld world;
    private final Supplier<List<Credential>> keys;
    private final List<List<Optional<String>>> atRollout = new CopyOnWriteArrayList<>();

    /** @param keys the keys the rotated store user holds, read when a rollout acted */
    Overlap(ItWorld world, Supplier<List<Credential>> keys) {
        this.world = world;
        this.keys = keys;
    }

    @Override
    public Future<Void> at(Point point, BindingId binding, int stepIndex, StepKind kind) {
        if (point == Point.AFTER_ACTION && kind == StepKind.ROLL_OUT) {
            atRollout.add(keys.get().stream()
                    .map(k -> world.store.refusal(k, ItWorld.BUCKET))
                    .toList());
        }
        return Future.succeededFuture();
    }

    /** Per rollout, the verdict on each key held then. */
    List<List<Optional<String>>> atRollout() {
        return List.copyOf(atRollout);
    }
}
