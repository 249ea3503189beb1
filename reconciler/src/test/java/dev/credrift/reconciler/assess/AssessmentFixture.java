package dev.credrift.reconciler.assess;

import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.RollBlocker;
import dev.credrift.reconciler.world.WorkloadRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds assessments for table tests: everything in sync unless a method says otherwise. */
public final class AssessmentFixture {

    public static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("fixture-fingerprint-key-0123456789".getBytes(StandardCharsets.UTF_8));
    public static final Credential AUTHORITY = Credential.of("AKIAAUTHORITYKEY0001", "authority-secret-value-1");
    public static final Credential STALE = Credential.of("AKIASTALEKEY00000002", "stale-secret-value-00002");
    public static final Fingerprint AUTHORITY_FP = FINGERPRINTER.fingerprint(AUTHORITY);
    public static final Fingerprint STALE_FP = FINGERPRINTER.fingerprint(STALE);
    public static final WorkloadRef LOKI = new WorkloadRef(WorkloadKind.STATEFUL_SET, "monitoring", "loki");
    public static final WorkloadRef GATEWAY = new WorkloadRef(WorkloadKind.DEPLOYMENT, "monitoring", "loki-gateway");

    private Authority authority = Authority.SOURCE;
    private boolean minio;
    private AuthorityCheck check =
            new AuthorityCheck.Probed(AUTHORITY_FP, AUTHORITY.maskedAccessKeyId(), new ProbeVerdict.Accepted(false));
    private HopState vault = HopState.matches("vault matches");
    private HopState replica = HopState.matches("replica matches");
    private Optional<String> forceSyncIgnored = Optional.empty();
    private boolean syncFailing;
    private final List<ConsumerVerdict> consumers = new ArrayList<>(List.of(
            new ConsumerVerdict(LOKI, false, true, Optional.empty(), "StatefulSet monitoring/loki: fresh and ready")));

    public static AssessmentFixture inSync() {
        return new AssessmentFixture();
    }

    public AssessmentFixture authority(Authority value) {
        authority = value;
        return this;
    }

    public AssessmentFixture minioSource() {
        minio = true;
        return this;
    }

    public AssessmentFixture verdict(ProbeVerdict verdict) {
        check = new AuthorityCheck.Probed(AUTHORITY_FP, AUTHORITY.maskedAccessKeyId(), verdict);
        return this;
    }

    public AssessmentFixture authorityUnreadable() {
        check = new AuthorityCheck.Unreadable("Secret storage/rook-ceph-object-user-storage-loki does not exist");
        return this;
    }

    public AssessmentFixture unprobed() {
        check = new AuthorityCheck.Unprobed(AUTHORITY_FP, "ConfigMap monitoring/storage-ca does not exist");
        return this;
    }

    public AssessmentFixture vault(HopMatch match) {
        vault = new HopState(match, "vault " + match);
        return this;
    }

    public AssessmentFixture replica(HopMatch match) {
        replica = new HopState(match, "replica " + match);
        return this;
    }

    public AssessmentFixture forceSyncIgnored(String why) {
        forceSyncIgnored = Optional.of(why);
        return this;
    }

    public AssessmentFixture syncFailing() {
        syncFailing = true;
        return this;
    }

    public AssessmentFixture consumer(WorkloadRef ref, boolean stale, boolean ready, Optional<RollBlocker> blocker) {
        consumers.removeIf(c -> c.workload().equals(ref));
        consumers.add(new ConsumerVerdict(ref, stale, ready, blocker, ref.describe() + (stale ? ": stale" : "")));
        return this;
    }

    public AssessmentFixture noConsumers() {
        consumers.clear();
        return this;
    }

    public Assessment build() {
        return new Assessment(
                BindingId.of("monitoring", "loki-s3"),
                3,
                authority,
                minio,
                check,
                vault,
                replica,
                forceSyncIgnored,
                syncFailing,
                consumers,
                List.of(),
                new HopFingerprints(
                        AUTHORITY_FP,
                        vault.match() == HopMatch.MATCHES ? AUTHORITY_FP : STALE_FP,
                        replica.match() == HopMatch.MATCHES ? AUTHORITY_FP : STALE_FP),
                Optional.empty(),
                Optional.of(Instant.parse("2026-11-22T10:00:00Z")),
                new Targets(
                        "store http://rgw bucket loki-chunks",
                        "1Password item 'loki-s3-config' in vault" + " 'Infrastructure'",
                        "ExternalSecret monitoring/loki-s3-credentials",
                        "Secret monitoring/loki-s3-credentials"));
    }
}
