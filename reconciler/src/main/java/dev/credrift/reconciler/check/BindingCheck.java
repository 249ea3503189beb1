package dev.credrift.reconciler.check;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.Assessor;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.classify.Classifier;
import dev.credrift.reconciler.handle.VaultProblems;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.plan.Planner;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.StoreProbe;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.world.BindingLookup;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ClusterRead;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.VaultValue;
import dev.credrift.reconciler.world.WorldReader;
import dev.credrift.reconciler.world.WorldSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Assesses one binding once and changes nothing: the reconciler's reading, probing, assessment, classification and
 * planning, called directly and synchronously (no Kafka, no journal, no guards: a person is waiting and sees any
 * failure). Role-based ({@code webIdentity}) bindings are reported as not checked here: exchanging a token needs the
 * running reconciler's identity set-up.
 */
public final class BindingCheck {

    private final WorldReader reader;
    private final StoreProbe probe;
    private final Assessor assessor;
    private final Clock clock;
    private final Classifier classifier = new Classifier();
    private final Planner planner = new Planner();

    public BindingCheck(
            WorldReader reader, StoreProbe probe, Fingerprinter fingerprinter, Freshness freshness, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.assessor = new Assessor(
                Objects.requireNonNull(fingerprinter, "fingerprinter"), Objects.requireNonNull(freshness, "freshness"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Never throws for what the world holds: problems are part of the report. */
    public CheckReport check(BindingId id) {
        BindingLookup lookup;
        try {
            lookup = reader.readBinding(id);
        } catch (RuntimeException e) {
            return new CheckReport.NotAssessed(id, "the binding cannot be read: " + SafeText.of(e));
        }
        if (lookup instanceof BindingLookup.Gone) {
            return new CheckReport.NotAssessed(id, "no CredentialBinding " + id);
        }
        if (lookup instanceof BindingLookup.Unreadable unreadable) {
            return new CheckReport.NotAssessed(id, unreadable.detail());
        }
        BoundBinding binding = ((BindingLookup.Found) lookup).binding();
        if (binding.spec().source() != null && binding.spec().source().webIdentity() != null) {
            return new CheckReport.NotAssessed(
                    id,
                    "a role-based binding (spec.source.webIdentity): its token"
                            + " exchange is verified by the running reconciler only; see its status");
        }
        try {
            return assess(binding);
        } catch (RuntimeException e) {
            return new CheckReport.NotAssessed(id, "the binding's world cannot be read: " + SafeText.of(e));
        }
    }

    private CheckReport assess(BoundBinding binding) {
        ClusterRead cluster = reader.readCluster(binding);
        Hop<VaultValue> vault = reader.vaultUnusable(binding).orElseGet(() -> readVault(binding));
        WorldSnapshot snapshot = new WorldSnapshot(
                binding,
                cluster.source(),
                vault,
                cluster.replica(),
                cluster.consumers(),
                cluster.consumerProblems(),
                cluster.target(),
                clock.instant());
        Hop<Credential> authority = Assessor.authorityCredential(snapshot);
        Optional<ProbeTarget> target = snapshot.target().value();
        Optional<ProbeVerdict> verdict = authority.value().isPresent() && target.isPresent()
                ? Optional.of(probe.probe(target.get(), authority.value().get()))
                : Optional.empty();
        Assessment a = assessor.assess(snapshot, verdict, Optional.empty(), clock.instant())
                .assessment();
        Classification c = classifier.classify(a);
        Optional<Plan> plan =
                c instanceof Classification.Classified classified ? planner.plan(classified, a) : Optional.empty();
        List<String> steps = plan.map(
                        p -> p.actions().stream().map(BindingCheck::describe).toList())
                .orElse(List.of());
        List<String> notes = plan.map(Plan::notes).orElse(List.of());
        Optional<String> caveat = a.replicaChangedAt().isPresent()
                ? Optional.of(
                        "without the reconciler's journal," + " the replica's last change is taken from its metadata ("
                                + a.replicaChangedAt().get() + ")")
                : Optional.empty();
        String verdictName = c instanceof Classification.Classified classified
                ? classified.driftClass().name()
                : ((Classification.Undetermined) c).cause().name();
        return new CheckReport.Assessed(
                binding.id(),
                verdictName,
                c instanceof Classification.Classified,
                detail(c),
                authority(a.authorityCheck()),
                a.fingerprints(),
                a.vault(),
                a.replica(),
                a.consumers(),
                steps,
                notes,
                caveat);
    }

    private Hop<VaultValue> readVault(BoundBinding binding) {
        try {
            return Hop.read(reader.readVault(binding));
        } catch (RuntimeException e) {
            return VaultProblems.hop(e);
        }
    }

    private static String detail(Classification c) {
        return c instanceof Classification.Classified classified
                ? classified.detail()
                : ((Classification.Undetermined) c).detail();
    }

    private static String authority(AuthorityCheck check) {
        if (check instanceof AuthorityCheck.Probed probed) {
            return probed.accessKeyId() + " (" + probed.fingerprint() + "): " + probed.verdict();
        }
        if (check instanceof AuthorityCheck.Unprobed unprobed) {
            return unprobed.fingerprint() + ": not probed (" + unprobed.detail() + ")";
        }
        if (check instanceof AuthorityCheck.Unreadable unreadable) {
            return "unreadable: " + unreadable.detail();
        }
        return check.getClass().getSimpleName();
    }

    private static String describe(Action action) {
        return action.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + action.target();
    }
}
