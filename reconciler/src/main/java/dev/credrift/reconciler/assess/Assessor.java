package dev.credrift.reconciler.assess;

import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.ExternalSecretState;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.SourceValue;
import dev.credrift.reconciler.world.VaultValue;
import dev.credrift.reconciler.world.WorldSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Turns a snapshot and the store's verdict into an {@link Assessment}. Pure. */
public final class Assessor {

    private final Fingerprinter fingerprinter;
    private final Freshness freshness;

    public Assessor(Fingerprinter fingerprinter, Freshness freshness) {
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
    }

    /** An assessment and the replica mark to journal. */
    public record Assessed(Assessment assessment, Optional<ReplicaMark> replicaMark) {}

    /** The authority's credential, or why it cannot be had. */
    public static Hop<Credential> authorityCredential(WorldSnapshot snapshot) {
        if (snapshot.binding().spec().authority() == Authority.VAULT) {
            Hop<VaultValue> vault = snapshot.vault();
            if (vault instanceof Hop.Unreadable<VaultValue> problem) {
                return Hop.unreadable(problem.code(), problem.detail());
            }
            VaultValue value = vault.value().orElseThrow();
            return value.credential()
                    .<Hop<Credential>>map(Hop::read)
                    .orElseGet(() -> Hop.unreadable(
                            ProblemCode.EMPTY_DATA,
                            describe(snapshot.binding().spec().vault().onePassword())
                                    + " has empty fields, and it is the authority"));
        }
        Hop<SourceValue> source = snapshot.source();
        if (source instanceof Hop.Unreadable<SourceValue> problem) {
            return Hop.unreadable(problem.code(), problem.detail());
        }
        return Hop.read(source.value().orElseThrow().credential());
    }

    /**
     * @param verdict the store's verdict on the authority's credential; empty when it was not probed
     * @param known   the journaled replica mark
     */
    public Assessed assess(
            WorldSnapshot snapshot, Optional<ProbeVerdict> verdict, Optional<ReplicaMark> known, Instant now) {
        return assess(snapshot, verdict, known, List.of(), now);
    }

    /**
     * @param verdict  the store's verdict on the authority's credential; empty when it was not probed
     * @param known    the journaled replica mark
     * @param restarts the binding's journaled rollouts: the roll step judges a pod of the change's second by them,
     *                 and so does the assessment, or the two disagree on it
     */
    public Assessed assess(
            WorldSnapshot snapshot,
            Optional<ProbeVerdict> verdict,
            Optional<ReplicaMark> known,
            List<Instant> restarts,
            Instant now) {
        CredentialBindingSpec spec = snapshot.binding().spec();
        Hop<Credential> authorityHop = authorityCredential(snapshot);
        Optional<Fingerprint> authority = authorityHop.value().map(fingerprinter::fingerprint);

        AuthorityCheck check;
        if (authorityHop instanceof Hop.Unreadable<Credential> problem) {
            check = new AuthorityCheck.Unreadable(problem.detail());
        } else if (verdict.isPresent()) {
            check = new AuthorityCheck.Probed(
                    authority.orElseThrow(), authorityHop.value().orElseThrow().maskedAccessKeyId(), verdict.get());
        } else {
            String why = snapshot.target() instanceof Hop.Unreadable<ProbeTarget> problem
                    ? problem.detail()
                    : "the store was not asked";
            check = new AuthorityCheck.Unprobed(authority.orElseThrow(), why);
        }

        Optional<Fingerprint> sourceFp = snapshot.source().value().map(s -> fingerprinter.fingerprint(s.credential()));
        Optional<Fingerprint> vaultFp =
                snapshot.vault().value().flatMap(VaultValue::credential).map(fingerprinter::fingerprint);
        Optional<ReplicaSecret> replicaSecret = snapshot.replica().value().flatMap(ReplicaValue::secret);
        Optional<Fingerprint> replicaFp =
                replicaSecret.flatMap(ReplicaSecret::credential).map(fingerprinter::fingerprint);

        HopState vault = spec.authority() == Authority.VAULT
                ? HopState.matches("the vault is the authority")
                : vaultState(snapshot, authority, vaultFp);
        HopState replica = replicaState(snapshot, authority, replicaFp);
        Optional<ExternalSecretState> es = snapshot.replica().value().map(ReplicaValue::externalSecret);

        Optional<ReplicaMark> mark = ReplicaChange.mark(
                replicaFp,
                known,
                replicaSecret.flatMap(ReplicaSecret::lastManagedAt),
                replicaSecret.flatMap(ReplicaSecret::createdAt),
                now);
        OnReplica.History history = OnReplica.History.of(mark, replicaFp, restarts);
        Optional<Instant> changedAt = history.change().map(ReplicaMark::changedAt);
        // the pods started since the replica changed read the replica's credential: when it is the authority's, the
        // store's verdict on it tells a pod failing on auth from one still starting
        Optional<CredentialRefusal> refusal = replicaFp.isPresent() && replicaFp.equals(authority)
                ? CredentialRefusal.of(verdict, now)
                : Optional.empty();
        List<ConsumerVerdict> consumers = snapshot.consumers().stream()
                .map((ConsumerWorkload w) -> freshness.judge(w, history, refusal, now))
                .toList();
        Optional<Fingerprint> consumersFp =
                replicaFp.filter(fp -> consumers.stream().noneMatch(c -> c.stale() || !c.ready()));

        Assessment assessment = new Assessment(
                snapshot.binding().id(),
                snapshot.binding().generation(),
                spec.authority(),
                minio(spec),
                check,
                vault,
                replica,
                es.flatMap(ExternalSecretState::forceSyncIgnoredBecause),
                es.map(ExternalSecretState::syncFailing).orElse(false),
                consumers,
                snapshot.consumerProblems(),
                new HopFingerprints(sourceFp.orElse(null), vaultFp.orElse(null), replicaFp.orElse(null)),
                consumersFp,
                changedAt,
                targets(snapshot));
        return new Assessed(assessment, mark);
    }

    /**
     * The assessment of a role-based binding ({@code spec.source.webIdentity}): the identity exchange is the authority
     * check; vault and replica are {@link HopMatch#ABSENT} (there is no static key to copy), consumers are not judged
     * (their tokens are projected and refreshed by the kubelet, nothing to roll), and no hop has a fingerprint (every
     * session's keys are new, so a fingerprint would only say that time passed).
     */
    public Assessed assessIdentity(WorldSnapshot snapshot, AuthorityCheck.Identity check) {
        CredentialBindingSpec spec = snapshot.binding().spec();
        HopState absent = new HopState(HopMatch.ABSENT, "a role-based binding has no static copy to keep");
        Assessment assessment = new Assessment(
                snapshot.binding().id(),
                snapshot.binding().generation(),
                spec.authority(),
                false,
                check,
                absent,
                absent,
                Optional.empty(),
                false,
                List.of(),
                snapshot.consumerProblems(),
                new HopFingerprints(null, null, null),
                Optional.empty(),
                Optional.empty(),
                targets(snapshot));
        return new Assessed(assessment, Optional.empty());
    }

    private static HopState vaultState(
            WorldSnapshot snapshot, Optional<Fingerprint> authority, Optional<Fingerprint> vaultFp) {
        if (snapshot.vault() instanceof Hop.Unreadable<VaultValue> problem) {
            return HopState.unreadable(problem.detail());
        }
        String item = describe(snapshot.binding().spec().vault().onePassword());
        VaultValue value = snapshot.vault().value().orElseThrow();
        if (value.credential().isEmpty()) {
            return HopState.differs(item + " has empty fields");
        }
        if (authority.isEmpty()) {
            return HopState.unreadable("there is no authority credential to compare " + item + " with");
        }
        return vaultFp.equals(authority)
                ? HopState.matches(item + " holds the authority's credential")
                : HopState.differs(item + " holds " + value.credential().get().maskedAccessKeyId() + " ("
                        + vaultFp.orElseThrow() + "), not the authority's credential (" + authority.get() + ")");
    }

    private static HopState replicaState(
            WorldSnapshot snapshot, Optional<Fingerprint> authority, Optional<Fingerprint> replicaFp) {
        if (snapshot.replica() instanceof Hop.Unreadable<ReplicaValue> problem) {
            return HopState.unreadable(problem.detail());
        }
        ReplicaValue value = snapshot.replica().value().orElseThrow();
        ExternalSecretState es = value.externalSecret();
        String secret = "Secret " + es.namespace() + "/" + es.targetSecret();
        if (value.secret().isEmpty()) {
            return HopState.differs(secret + " (written by ExternalSecret " + es.name() + ") does not exist yet");
        }
        Optional<Credential> credential = value.secret().get().credential();
        if (credential.isEmpty()) {
            return HopState.differs(secret + " lacks a usable " + es.accessKeyIdKey() + " or " + es.secretKeyKey());
        }
        if (authority.isEmpty()) {
            return HopState.unreadable("there is no authority credential to compare " + secret + " with");
        }
        return replicaFp.equals(authority)
                ? HopState.matches(secret + " holds the authority's credential")
                : HopState.differs(secret + " holds " + credential.get().maskedAccessKeyId() + " ("
                        + replicaFp.orElseThrow() + "), not the authority's credential (" + authority.get() + ")");
    }

    private static Targets targets(WorldSnapshot snapshot) {
        CredentialBindingSpec spec = snapshot.binding().spec();
        String store = snapshot.target()
                .value()
                .map(t -> "store " + t.endpoint() + " bucket " + t.bucket())
                .orElse("store (no usable endpoint)");
        String item = spec.vault() == null || spec.vault().onePassword() == null
                ? "vault (none)"
                : describe(spec.vault().onePassword());
        String namespace = snapshot.binding().id().namespace();
        String es = spec.replica() == null || spec.replica().externalSecret() == null
                ? "ExternalSecret (none)"
                : "ExternalSecret " + namespace + "/"
                        + spec.replica().externalSecret().name();
        String replica = snapshot.replica()
                .value()
                .map(r -> "Secret " + namespace + "/" + r.externalSecret().targetSecret())
                .orElse("replica Secret (unknown)");
        return new Targets(store, item, es, replica);
    }

    private static String describe(OnePasswordItem item) {
        return "1Password item '" + item.item() + "' in vault '" + item.vault() + "'";
    }

    /** Whether the binding's source is a MinIO server (story 2). */
    private static boolean minio(CredentialBindingSpec spec) {
        return spec.source() != null
                && spec.source()
                        .selected()
                        .filter(MinioSource.class::isInstance)
                        .isPresent();
    }
}
