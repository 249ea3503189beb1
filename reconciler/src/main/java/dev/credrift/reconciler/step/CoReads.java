package dev.credrift.reconciler.step;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.assess.OnReplica;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.probe.CachingStoreProbe;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.BindingLookup;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.PodReading;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.WorkloadRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the other credentials a workload's pods read ({@link CoRead}) and asks the store about each, bypassing the
 * probe cache: the replicas of the other bindings (known to this reconciler's journal, in the workload's namespace)
 * whose Secret the workload's pod template reads. A workload that reads only this binding's replica costs one read.
 */
public final class CoReads {

    private final Exec exec;
    private final ClusterPorts cluster;
    private final StoreChecks store;
    private final Freshness freshness;

    public CoReads(Exec exec, ClusterPorts cluster, StoreChecks store, Freshness freshness) {
        this.exec = exec;
        this.cluster = cluster;
        this.store = store;
        this.freshness = freshness;
    }

    // in memory only: the credential is probed and dropped
    private record Found(
            String binding,
            String secret,
            Optional<Credential> credential,
            Optional<ProbeTarget> target,
            boolean stale) {}

    Future<List<CoRead>> of(StepContext c, WorkloadRef workload) {
        return of(
                c.session().log(),
                c.binding().id(),
                c.replicaSecret(),
                c.session().others(),
                workload);
    }

    /**
     * Why a workload's pods may fail for another binding's sake, if they may ({@link SharedRollout#failing}).
     *
     * @param binding       the binding whose consumer the workload is
     * @param replicaSecret that binding's replica Secret
     * @param others        the other bindings this reconciler knows, with their journal entries
     */
    public Future<Optional<String>> failing(
            Reconciliation log,
            BindingId binding,
            String replicaSecret,
            Map<BindingId, JournalEntry> others,
            WorkloadRef workload) {
        return of(log, binding, replicaSecret, others, workload)
                .map(reads -> SharedRollout.failing(workload.describe(), reads));
    }

    private Future<List<CoRead>> of(
            Reconciliation log,
            BindingId binding,
            String replicaSecret,
            Map<BindingId, JournalEntry> others,
            WorkloadRef workload) {
        return exec.guards()
                .kubernetes()
                .call(exec.context(), log, () -> find(binding, replicaSecret, others, workload))
                .compose(found -> {
                    List<Future<CoRead>> asked =
                            found.stream().map(f -> ask(log, f)).toList();
                    return Future.all(asked)
                            .map(all -> asked.stream().map(Future::result).toList());
                });
    }

    // blocking
    private List<Found> find(
            BindingId self, String replicaSecret, Map<BindingId, JournalEntry> others, WorkloadRef workload) {
        Set<String> secrets = new TreeSet<>(cluster.kube()
                .workload(workload)
                .flatMap(CoReads::template)
                .map(template -> PodReading.secretsRead(template.getSpec()).keySet())
                .orElse(Set.of()));
        secrets.remove(replicaSecret);
        List<Found> found = new ArrayList<>();
        if (secrets.isEmpty()) {
            return found;
        }
        for (BindingId other : others.keySet().stream()
                .sorted(Comparator.comparing(BindingId::toString))
                .toList()) {
            if (!other.namespace().equals(workload.namespace()) || other.equals(self)) {
                continue;
            }
            if (!(cluster.reader().readBinding(other) instanceof BindingLookup.Found f)) {
                continue;
            }
            BoundBinding binding = f.binding();
            Optional<ReplicaValue> replica = binding.validation().isValid()
                    ? cluster.reader().readReplica(binding).value()
                    : Optional.empty();
            if (replica.isEmpty()
                    || !secrets.contains(replica.get().externalSecret().targetSecret())) {
                continue;
            }
            String secret = replica.get().externalSecret().targetSecret();
            Optional<Credential> credential = replica.get().secret().flatMap(ReplicaSecret::credential);
            // judged as that binding judges its consumers: by when its replica last changed to what it holds now
            Optional<ReplicaMark> mark = others.get(other)
                    .replicaMark()
                    .filter(m -> credential
                            .map(store.fingerprinter()::fingerprint)
                            .filter(m.fingerprint()::equals)
                            .isPresent());
            boolean stale = cluster.reader()
                    .readWorkload(workload, secret)
                    .map(w -> freshness
                            .judge(
                                    w,
                                    new OnReplica.History(
                                            mark, others.get(other).restarts()),
                                    Optional.empty(),
                                    exec.clock().instant())
                            .stale())
                    .orElse(false);
            found.add(new Found(
                    other.toString(),
                    secret,
                    credential,
                    cluster.reader().readCluster(binding).target().value(),
                    stale));
        }
        return found;
    }

    private Future<CoRead> ask(Reconciliation log, Found f) {
        Optional<String> masked =
                f.credential().map(cred -> cred.maskedAccessKeyId().toString());
        if (f.credential().isEmpty() || f.target().isEmpty()) {
            return Future.succeededFuture(new CoRead(f.binding(), f.secret(), masked, Optional.empty(), f.stale()));
        }
        return exec.guards()
                .store()
                .call(exec.context(), log, () -> {
                    if (store.probe() instanceof CachingStoreProbe cache) {
                        cache.invalidate(f.target().get(), f.credential().get());
                    }
                    return store.probe().probe(f.target().get(), f.credential().get());
                })
                .map(verdict ->
                        new CoRead(f.binding(), f.secret(), masked, Optional.<ProbeVerdict>of(verdict), f.stale()));
    }

    private static Optional<PodTemplateSpec> template(HasMetadata object) {
        if (object instanceof Deployment d && d.getSpec() != null) {
            return Optional.ofNullable(d.getSpec().getTemplate());
        }
        if (object instanceof StatefulSet s && s.getSpec() != null) {
            return Optional.ofNullable(s.getSpec().getTemplate());
        }
        if (object instanceof DaemonSet ds && ds.getSpec() != null) {
            return Optional.ofNullable(ds.getSpec().getTemplate());
        }
        return Optional.empty();
    }
}
