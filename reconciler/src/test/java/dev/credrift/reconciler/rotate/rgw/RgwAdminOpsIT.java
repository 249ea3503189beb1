package dev.credrift.reconciler.rotate.rgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.credrift.api.spec.Rotation;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.reconciler.rotate.Capability;
import dev.credrift.reconciler.rotate.RotationDecision;
import dev.credrift.reconciler.rotate.RotationDecision.AdoptMinted;
import dev.credrift.reconciler.rotate.RotationDecision.Blocked;
import dev.credrift.reconciler.rotate.RotationDecision.Due;
import dev.credrift.reconciler.rotate.RotationDecision.NotDue;
import dev.credrift.reconciler.rotate.RotationDecision.Resume;
import dev.credrift.reconciler.rotate.RotationDecision.Wait;
import dev.credrift.reconciler.rotate.RotationFacts;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.RotationPlanner;
import dev.credrift.reconciler.rotate.rgw.RgwAdminException.Kind;
import dev.credrift.reconciler.rotate.rgw.RgwAdminOps.Minted;
import dev.credrift.reconciler.rotate.rgw.RgwAdminOps.Revoked;
import dev.credrift.sandbox.emulate.ManualClock;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.rgw.RealRgwExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Overlapping rotation through the Admin Ops API against a real Ceph RGW, checked with real S3 requests (the
 * reconciler's own store probe): both keys answer during the overlap, the old one gets {@code InvalidAccessKeyId}
 * right after it is revoked, the new one keeps working; and the rotation planner and journal driving those calls.
 */
@ExtendWith(RealRgwExtension.class)
class RgwAdminOpsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String JOURNEY_UID = "journey";
    private static final String JOURNEY_BUCKET = "journey-bucket";
    private static final Rotation MONTHLY = new Rotation("720h", null, "10m", null, null, null);
    private static final List<RotationStepKind> HOP_STEPS = List.of(
            RotationStepKind.WRITE_VAULT,
            RotationStepKind.FORCE_SYNC,
            RotationStepKind.AWAIT_REPLICA,
            RotationStepKind.ROLL,
            RotationStepKind.PROVE_CONSUMERS);

    private static RealRgw rgw;
    private static Credential admin;
    private static RgwAdminOps ops;
    private static MinioStoreProbe probe;

    @BeforeAll
    static void start(RealRgw started) {
        rgw = started;
        admin = rgw.createUser("rotation-admin");
        rgw.grantCaps("rotation-admin", "users=*");
        ops = connect(admin);
        probe = new MinioStoreProbe();
    }

    @AfterAll
    static void stop() {
        if (ops != null) {
            ops.close();
        }
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void shouldAnswerWithBothKeysDuringOverlapAndRefuseOnlyTheOldOneAfterRevokeWhenRotated() {
        Credential old = rgw.createUser("loki");
        rgw.createBucket(old, "loki-chunks");
        ProbeTarget bucket = ProbeTarget.of(rgw.endpoint().toString(), "loki-chunks");

        Minted minted = ops.mint("loki");
        Credential fresh = minted.key();
        List<Credential> during = ops.keys("loki");
        boolean oldAcceptedDuringOverlap = probe.probe(bucket, old).equals(new Accepted(false));
        boolean freshAcceptedDuringOverlap = probe.probe(bucket, fresh).equals(new Accepted(false));
        Revoked revoked = ops.revoke("loki", old.accessKeyId());

        assertThat(minted.before()).containsExactly(old.accessKeyId());
        assertThat(fresh.accessKeyId()).isNotEqualTo(old.accessKeyId()).matches("[A-Z0-9]{20}");
        assertThat(during).containsExactlyInAnyOrder(old, fresh);
        assertThat(oldAcceptedDuringOverlap).as("old key during overlap").isTrue();
        assertThat(freshAcceptedDuringOverlap).as("new key during overlap").isTrue();
        assertThat(revoked).isEqualTo(Revoked.REVOKED);
        assertThat(probe.probe(bucket, old))
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(probe.probe(bucket, fresh)).isEqualTo(new Accepted(false));
        assertThat(ops.keys("loki")).containsExactly(fresh);
        assertThat(rgw.user("loki").keys()).containsExactly(fresh);
    }

    @Test
    void shouldFindNothingToDoWhenTheKeyWasRevokedBefore() {
        Credential old = rgw.createUser("revoked-twice");
        Credential fresh = ops.mint("revoked-twice").key();

        Revoked first = ops.revoke("revoked-twice", old.accessKeyId());
        Revoked second = ops.revoke("revoked-twice", old.accessKeyId());

        assertThat(first).isEqualTo(Revoked.REVOKED);
        assertThat(second).isEqualTo(Revoked.ALREADY_ABSENT);
        assertThat(ops.keys("revoked-twice")).containsExactly(fresh);
    }

    @Test
    void shouldSayAdminNotPermittedWhenTheAdminLacksTheUsersCap() {
        Credential plain = rgw.createUser("no-caps");
        rgw.createUser("target-of-no-caps");

        RgwAdminException refused;
        try (RgwAdminOps weak = connect(plain)) {
            refused = catchThrowableOfType(() -> weak.mint("target-of-no-caps"), RgwAdminException.class);
        }

        assertThat(refused.kind()).isEqualTo(Kind.ADMIN_NOT_PERMITTED);
        assertThat(refused.code()).isEqualTo("AccessDenied");
        assertThat(rgw.user("target-of-no-caps").keys()).hasSize(1);
    }

    @Test
    void shouldSayAdminCredentialRejectedWhenTheAdminSecretIsWrong() {
        RgwAdminException refused;
        Credential wrongSecret = Credential.of(admin.accessKeyId(), "not-the-admin-secret-not-the-admin-sec");
        try (RgwAdminOps wrong = connect(wrongSecret)) {
            refused = catchThrowableOfType(() -> wrong.keys("rotation-admin"), RgwAdminException.class);
        }

        assertThat(refused.kind()).isEqualTo(Kind.ADMIN_CREDENTIAL_REJECTED);
        assertThat(refused.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused.getMessage()).contains("spec.rotation.adminSecretRef");
    }

    @Test
    void shouldSayNoSuchUserWhenTheUidIsUnknown() {
        RgwAdminException refused = catchThrowableOfType(() -> ops.mint("nobody-here"), RgwAdminException.class);

        assertThat(refused.kind()).isEqualTo(Kind.NO_SUCH_USER);
        assertThat(refused.getMessage()).contains("nobody-here").contains("NoSuchUser");
    }

    @Test
    void shouldKeepKeyMaterialOutOfEveryMessageWhenCallsSucceedAndFail() {
        Credential old = rgw.createUser("scanned");
        Credential fresh = ops.mint("scanned").key();
        List<String> said = new ArrayList<>();
        said.add(ops.toString());
        said.add(fresh.toString());
        said.add(catchThrowableOfType(() -> ops.mint("scanned-missing"), RgwAdminException.class)
                .getMessage());
        try (RgwAdminOps wrong =
                connect(Credential.of(old.accessKeyId(), fresh.secret().reveal()))) {
            said.add(catchThrowableOfType(() -> wrong.keys("scanned"), RgwAdminException.class)
                    .getMessage());
            said.add(wrong.toString());
        }
        ops.revoke("scanned", old.accessKeyId());

        assertThat(said)
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain(
                                old.secret().reveal(),
                                fresh.secret().reveal(),
                                admin.secret().reveal())
                        .doesNotContain(old.accessKeyId(), fresh.accessKeyId(), admin.accessKeyId()));
        assertThat(Set.copyOf(ops.keys("scanned"))).containsExactly(fresh);
    }

    // ---- the planner and the journal driving the store half of a rotation ----------------------------------

    /**
     * Due → mint (with a crash inside it: the key RGW added is adopted, never a third one) → probe → the hop steps
     * (recorded, not carried out: the handler's steps are not wired yet) → wait revokeAfter → no revoke while a hop
     * holds the old key → revoke → the old key refused, the new one accepted. Each decision is taken from what RGW
     * lists at that moment.
     */
    @Test
    void shouldEndWithOneNewKeyAndTheOldOneRefusedWhenACrashHitsTheMintAndAHopLingers() {
        Credential old = rgw.createUser(JOURNEY_UID);
        rgw.createBucket(old, JOURNEY_BUCKET);
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T03:00:00Z"));
        RotationPlanner planner = new RotationPlanner(clock);
        Instant keySince = clock.instant().minus(Duration.ofDays(31));
        Map<String, String> allOnOld = hops(old.accessKeyId(), old.accessKeyId());

        RotationDecision first = decide(planner, Optional.empty(), keySince, allOnOld);
        RotationJournal journal = RotationJournal.open("rot-journey", clock.instant(), old.accessKeyId(), journeyKeys())
                .started(RotationStepKind.MINT, clock.instant());
        ops.mint(JOURNEY_UID); // the process dies here: RGW holds the key, the journal does not know it
        RotationDecision afterCrash = decide(planner, Optional.of(journal), keySince, allOnOld);
        String adopted = ((AdoptMinted) afterCrash).accessKeyId();
        Credential fresh = ops.keys(JOURNEY_UID).stream()
                .filter(k -> k.accessKeyId().equals(adopted))
                .findFirst()
                .orElseThrow();
        journal = journal.minted(adopted, clock.instant());
        RotationDecision afterMint = decide(planner, Optional.of(journal), keySince, allOnOld);
        ProbeVerdict freshAccepted = journeyProbe(fresh);
        journal = journal.started(RotationStepKind.PROBE_NEW, clock.instant())
                .completed(RotationStepKind.PROBE_NEW, clock.instant());
        for (RotationStepKind step : HOP_STEPS) {
            RotationDecision next = decide(planner, Optional.of(journal), keySince, allOnOld);
            assertThat(next)
                    .as(step.name())
                    .isInstanceOfSatisfying(
                            Resume.class, r -> assertThat(r.step()).isEqualTo(step));
            journal = journal.started(step, clock.instant()).completed(step, clock.instant());
        }
        Map<String, String> consumerLingers = hops(fresh.accessKeyId(), old.accessKeyId());
        Map<String, String> allOnNew = hops(fresh.accessKeyId(), fresh.accessKeyId());
        RotationDecision grace = decide(planner, Optional.of(journal), keySince, allOnNew);
        clock.advance(Duration.ofMinutes(10));
        journal = journal.completed(RotationStepKind.WAIT_REVOKE_AFTER, clock.instant());
        RotationDecision lingering = decide(planner, Optional.of(journal), keySince, consumerLingers);
        ProbeVerdict oldWhileBlocked = journeyProbe(old);
        RotationDecision revoke = decide(planner, Optional.of(journal), keySince, allOnNew);
        ops.revoke(JOURNEY_UID, old.accessKeyId());
        journal = journal.completed(RotationStepKind.REVOKE, clock.instant());
        RotationDecision prove = decide(planner, Optional.of(journal), keySince, allOnNew);
        ProbeVerdict oldAfterRevoke = journeyProbe(old);
        journal = journal.completed(RotationStepKind.PROVE_OLD_REFUSED, clock.instant());
        RotationDecision done = decide(planner, Optional.of(journal), clock.instant(), allOnNew);

        assertThat(first).isInstanceOf(Due.class);
        assertThat(afterMint).isEqualTo(new Resume(RotationStepKind.PROBE_NEW, "next step after MINT"));
        assertThat(freshAccepted).isEqualTo(new Accepted(false));
        assertThat(grace)
                .isEqualTo(new Wait(
                        RotationStepKind.WAIT_REVOKE_AFTER,
                        journal.completedAt(RotationStepKind.PROVE_CONSUMERS)
                                .orElseThrow()
                                .plus(Duration.ofMinutes(10))));
        assertThat(lingering)
                .isInstanceOfSatisfying(
                        Blocked.class,
                        b -> assertThat(b.reason())
                                .contains("still held by consumers")
                                .doesNotContain(old.accessKeyId()));
        assertThat(oldWhileBlocked).isEqualTo(new Accepted(false));
        assertThat(revoke)
                .isInstanceOfSatisfying(Resume.class, r -> assertThat(r.step()).isEqualTo(RotationStepKind.REVOKE));
        assertThat(prove)
                .isInstanceOfSatisfying(
                        Resume.class, r -> assertThat(r.step()).isEqualTo(RotationStepKind.PROVE_OLD_REFUSED));
        assertThat(oldAfterRevoke)
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(journeyProbe(fresh)).isEqualTo(new Accepted(false));
        assertThat(ops.keys(JOURNEY_UID)).as("one new key, never a third").containsExactly(fresh);
        assertThat(done).isEqualTo(new NotDue(clock.instant().plus(Duration.ofDays(30))));
    }

    private static Map<String, String> hops(String upstream, String consumers) {
        return Map.of("source", upstream, "vault", upstream, "replica", upstream, "consumers", consumers);
    }

    /** The planner's decision on what RGW lists now, the key in use since {@code keySince}, the hops' keys. */
    private static RotationDecision decide(
            RotationPlanner planner, Optional<RotationJournal> journal, Instant keySince, Map<String, String> heldBy) {
        return planner.decide(
                MONTHLY,
                false,
                journal,
                new RotationFacts(Capability.RGW_ADMIN_OPS, Optional.of(keySince), journeyKeys(), heldBy, false));
    }

    private static Set<String> journeyKeys() {
        return ops.keys(JOURNEY_UID).stream().map(Credential::accessKeyId).collect(Collectors.toSet());
    }

    private static ProbeVerdict journeyProbe(Credential key) {
        return probe.probe(ProbeTarget.of(rgw.endpoint().toString(), JOURNEY_BUCKET), key);
    }

    private static RgwAdminOps connect(Credential credential) {
        return RgwAdminOps.connect(
                rgw.endpoint(), credential, ProbeTls.systemTrust(), null, TIMEOUT, Clock.systemUTC());
    }
}
