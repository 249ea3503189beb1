package dev.credrift.reconciler.step;

import dev.credrift.reconciler.world.ExternalSecretState;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.ReplicaValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * Asks ESO to sync now: {@code force-sync=<epoch seconds>} on the ExternalSecret (what {@code kubectl annotate
 * externalsecret … force-sync=$(date +%s) --overwrite} does). The value is journaled before the patch and reused on
 * resume, so a repeated step changes nothing; a new remediation always writes a value the ExternalSecret does not
 * carry yet. Refuses when ESO would ignore it.
 */
public final class ForceSyncStep implements Step {

    private final Exec exec;
    private final ClusterPorts cluster;

    ForceSyncStep(Exec exec, ClusterPorts cluster) {
        this.exec = exec;
        this.cluster = cluster;
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        return exec.guards()
                .kubernetes()
                .call(exec.context(), c.session().log(), () -> cluster.reader().readReplica(c.binding()))
                .compose(replica -> {
                    if (replica instanceof Hop.Unreadable<ReplicaValue> problem) {
                        return Future.succeededFuture(
                                new StepOutcome.Failed("REPLICA_UNREADABLE", problem.detail(), false));
                    }
                    ExternalSecretState es = replica.value().orElseThrow().externalSecret();
                    Optional<String> ignored = es.forceSyncIgnoredBecause();
                    if (ignored.isPresent()) {
                        return Future.succeededFuture(
                                new StepOutcome.Failed("REPLICA_UNSYNCABLE", ignored.get(), false));
                    }
                    // the annotation is read fresh from the API, not from the informer cache: a cache that has not
                    // seen the previous remediation's write yet would give the same value again, and ESO ignores it
                    return exec.guards()
                            .kubernetes()
                            .call(
                                    exec.context(),
                                    c.session().log(),
                                    () -> cluster.kube()
                                            .externalSecret(es.namespace(), es.name())
                                            .flatMap(ForceSyncStep::forceSyncOf))
                            .compose(current -> annotate(c, es, current));
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    private Future<StepOutcome> annotate(StepContext c, ExternalSecretState es, Optional<String> current) {
        String journaled = c.session().remediation().forceSyncValue();
        String value = journaled != null
                ? journaled
                : freshValue(current, exec.clock().instant().getEpochSecond());
        String what = "ExternalSecret " + es.namespace() + "/" + es.name();
        if (journaled != null && current.filter(value::equals).isPresent()) {
            return Future.succeededFuture(
                    new StepOutcome.AlreadyDone(what + " already carries " + KubeGateway.FORCE_SYNC + "=" + value));
        }
        Future<Void> journal = journaled != null
                ? Future.succeededFuture()
                : c.session().updateRemediation(r -> r.withForceSyncValue(value));
        return journal.compose(v -> exec.guards()
                        .kubernetes()
                        .call(exec.context(), c.session().log(), () -> {
                            cluster.kube()
                                    .annotateExternalSecret(es.namespace(), es.name(), KubeGateway.FORCE_SYNC, value);
                            return null;
                        }))
                .map(v -> (StepOutcome)
                        new StepOutcome.Done("annotated " + what + " " + KubeGateway.FORCE_SYNC + "=" + value));
    }

    /** The {@code force-sync} annotation an ExternalSecret carries, if any. */
    static Optional<String> forceSyncOf(HasMetadata externalSecret) {
        Map<String, String> annotations = externalSecret.getMetadata() == null
                ? null
                : externalSecret.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(KubeGateway.FORCE_SYNC));
    }

    /**
     * A value the ExternalSecret does not carry yet. Only a changed annotation makes ESO sync, and a remediation that
     * supersedes another within the same second would otherwise write the same epoch second again, see it "already
     * done" and wait for a sync that never comes (seen in MovingWorldIT under load).
     */
    static String freshValue(Optional<String> current, long epochSecond) {
        long next = current.flatMap(ForceSyncStep::seconds)
                .filter(c -> c >= epochSecond)
                .map(c -> c + 1)
                .orElse(epochSecond);
        return String.valueOf(next);
    }

    private static Optional<Long> seconds(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
