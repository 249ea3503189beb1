package dev.credrift.reconciler.step;

import dev.credrift.reconciler.world.ExternalSecretState;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.ReplicaValue;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Asks ESO to sync now: {@code force-sync=<epoch seconds>} on the ExternalSecret (what {@code kubectl annotate
 * externalsecret … force-sync=$(date +%s) --overwrite} does). The value is journaled before the patch and reused on
 * resume, so a repeated step changes nothing. Refuses when ESO would ignore it.
 */
public final class ForceSyncStep implements Step {

    @Override
    public Future<StepOutcome> run(StepContext c) {
        StepTools t = c.tools();
        return t.guards().kubernetes().call(t.context(), c.session().log(), () -> t.reader().readReplica(c.binding()))
                .compose(replica -> {
                    if (replica instanceof Hop.Unreadable<ReplicaValue> problem) {
                        return Future.succeededFuture(new StepOutcome.Failed("REPLICA_UNREADABLE", problem.detail(),
                                false));
                    }
                    ExternalSecretState es = replica.value().orElseThrow().externalSecret();
                    Optional<String> ignored = es.forceSyncIgnoredBecause();
                    if (ignored.isPresent()) {
                        return Future.succeededFuture(new StepOutcome.Failed("REPLICA_UNSYNCABLE", ignored.get(),
                                false));
                    }
                    String journaled = c.session().remediation().forceSyncValue();
                    String value = journaled != null ? journaled
                            : String.valueOf(t.clock().instant().getEpochSecond());
                    String what = "ExternalSecret " + es.namespace() + "/" + es.name();
                    if (es.forceSync().filter(value::equals).isPresent()) {
                        return Future.succeededFuture(new StepOutcome.AlreadyDone(what + " already carries "
                                + KubeGateway.FORCE_SYNC + "=" + value));
                    }
                    Future<Void> journal = journaled != null ? Future.succeededFuture()
                            : c.session().updateRemediation(r -> r.withForceSyncValue(value));
                    return journal
                            .compose(v -> t.guards().kubernetes().call(t.context(), c.session().log(), () -> {
                                t.kube().annotateExternalSecret(es.namespace(), es.name(), KubeGateway.FORCE_SYNC,
                                        value);
                                return null;
                            }))
                            .map(v -> (StepOutcome) new StepOutcome.Done("annotated " + what + " "
                                    + KubeGateway.FORCE_SYNC + "=" + value));
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }
}
