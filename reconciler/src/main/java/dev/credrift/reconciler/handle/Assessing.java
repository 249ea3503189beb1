package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.assess.Assessor;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.classify.Classifier;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.StoreProbe;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ClusterRead;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.VaultValue;
import dev.credrift.reconciler.world.WorldReader;
import dev.credrift.reconciler.world.WorldSnapshot;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Reads a binding's world (cluster, then vault), probes the authority's credential, assesses and classifies. */
final class Assessing {

    private final Exec exec;
    private final WorldReader reader;
    private final StoreProbe probe;
    private final Assessor assessor;
    private final Classifier classifier = new Classifier();
    private final ReconcilerMetrics metrics;
    private final Optional<IdentityAssessing> identity;

    Assessing(Exec exec, WorldReader reader, StoreProbe probe, Assessor assessor, ReconcilerMetrics metrics) {
        this(exec, reader, probe, assessor, metrics, Optional.empty());
    }

    /** @param identity verifies role-based bindings; without it they are assessed as unreadable */
    Assessing(
            Exec exec,
            WorldReader reader,
            StoreProbe probe,
            Assessor assessor,
            ReconcilerMetrics metrics,
            Optional<IdentityAssessing> identity) {
        this.exec = exec;
        this.reader = reader;
        this.probe = probe;
        this.assessor = assessor;
        this.metrics = metrics;
        this.identity = identity;
    }

    Future<AssessedWorld> assess(BoundBinding binding, JournalEntry journaled) {
        return assess(binding, journaled, Instant.MIN);
    }

    /**
     * @param evidenceAt when an observation said that a hop of the binding changed: store verdicts obtained before it
     *                   are not reused (architecture.md §5.1 rule 3); {@link Instant#MIN} when nothing was observed
     */
    Future<AssessedWorld> assess(BoundBinding binding, JournalEntry journaled, Instant evidenceAt) {
        return exec.guards()
                .kubernetes()
                .call(exec.context(), Reconciliation.of(binding.id()), () -> reader.readCluster(binding))
                .compose(cluster -> vault(binding).map(vault -> snapshot(binding, cluster, vault)))
                .compose(snapshot -> {
                    Optional<WebIdentitySource> web = IdentityAssessing.webIdentity(binding);
                    if (web.isPresent() && identity.isPresent()) {
                        return identity.get()
                                .verify(binding, web.get(), snapshot.target())
                                .map(check -> {
                                    Assessor.Assessed assessed = assessor.assessIdentity(snapshot, check);
                                    return new AssessedWorld(
                                            snapshot,
                                            assessed.assessment(),
                                            Optional.empty(),
                                            classifier.classify(assessed.assessment()),
                                            Optional.empty());
                                });
                    }
                    Hop<Credential> authority = Assessor.authorityCredential(snapshot);
                    Optional<ProbeTarget> target = snapshot.target().value();
                    Future<Optional<ProbeVerdict>> verdict = authority.value().isPresent() && target.isPresent()
                            ? probe(
                                            Reconciliation.of(binding.id()),
                                            target.get(),
                                            authority.value().get(),
                                            evidenceAt)
                                    .map(Optional::of)
                            : Future.succeededFuture(Optional.empty());
                    return verdict.map(v -> {
                        // the journaled rollouts too: the roll step judges a pod of the change's second by them
                        Assessor.Assessed assessed = assessor.assess(
                                snapshot,
                                v,
                                journaled.replicaMark(),
                                journaled.restarts(),
                                exec.clock().instant());
                        Classification classification = classifier.classify(assessed.assessment());
                        return new AssessedWorld(
                                snapshot,
                                assessed.assessment(),
                                assessed.replicaMark(),
                                classification,
                                authority.value());
                    });
                });
    }

    private Future<Hop<VaultValue>> vault(BoundBinding binding) {
        Optional<Hop<VaultValue>> unusable = reader.vaultUnusable(binding);
        if (unusable.isPresent()) {
            return Future.succeededFuture(unusable.get());
        }
        return exec.guards()
                .onePassword()
                .call(exec.context(), Reconciliation.of(binding.id()), () -> reader.readVault(binding))
                .map(Hop::read)
                .recover(e -> Future.succeededFuture(VaultProblems.hop(e)));
    }

    private Future<ProbeVerdict> probe(
            Reconciliation log, ProbeTarget target, Credential credential, Instant evidenceAt) {
        return exec.guards()
                .store()
                .call(exec.context(), log, () -> probe.probeNotOlderThan(target, credential, evidenceAt))
                .recover(e -> Future.succeededFuture(new ProbeVerdict.Unreachable(SafeText.of(e), false)))
                .onSuccess(verdict -> metrics.probe(verdict.storeVerdict()));
    }

    private WorldSnapshot snapshot(BoundBinding binding, ClusterRead cluster, Hop<VaultValue> vault) {
        return new WorldSnapshot(
                binding,
                cluster.source(),
                vault,
                cluster.replica(),
                cluster.consumers(),
                cluster.consumerProblems(),
                cluster.target(),
                exec.clock().instant());
    }
}
