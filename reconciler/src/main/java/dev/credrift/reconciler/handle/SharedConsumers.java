package dev.credrift.reconciler.handle;

import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.classify.SharedReads;
import dev.credrift.reconciler.step.CoReads;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ReplicaValue;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks at what else the binding's unready consumers read when its assessment says they are starting: a workload
 * that fails on another binding's refused credential is that binding's to heal ({@link SharedReads}). Costs nothing
 * unless consumers are unready, and one read per workload unless it reads other bindings' replicas too.
 */
final class SharedConsumers {

    private final CoReads coReads;

    SharedConsumers(CoReads coReads) {
        this.coReads = coReads;
    }

    Future<AssessedWorld> refine(Handling h, BoundBinding b, AssessedWorld w) {
        Optional<String> replicaSecret =
                w.snapshot().replica().value().map(ReplicaValue::externalSecret).map(es -> es.targetSecret());
        boolean starting = w.classification() instanceof Classification.Undetermined u
                && u.cause() == Classification.Cause.CONSUMERS_STARTING;
        if (!starting || replicaSecret.isEmpty()) {
            return Future.succeededFuture(w);
        }
        List<Optional<String>> blames = new ArrayList<>();
        Future<Void> looked = Future.succeededFuture();
        for (ConsumerVerdict consumer : w.assessment().consumers()) {
            if (consumer.ready()) {
                continue;
            }
            looked = looked.compose(
                    v -> coReads.failing(h.log(), b.id(), replicaSecret.get(), h.others(), consumer.workload())
                            .map(why -> {
                                blames.add(why);
                                return (Void) null;
                            }));
        }
        return looked.map(v -> new AssessedWorld(
                w.snapshot(),
                w.assessment(),
                w.mark(),
                SharedReads.classify(w.classification(), blames),
                w.authority()));
    }
}
