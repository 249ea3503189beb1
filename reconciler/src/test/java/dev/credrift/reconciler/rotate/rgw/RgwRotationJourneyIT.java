package dev.credrift.reconciler.rotate.rgw;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.credrift.sandbox.emulate.ManualClock;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.rgw.RealRgwExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The planner and the journal driving the store half of a rotation against a real Ceph RGW: due → mint (with a
 * crash inside it: the key RGW added is adopted, never a third one) → probe → the hop steps (recorded, not carried
 * out: the handler's steps are not wired yet) → wait revokeAfter → no revoke while a hop holds the old key → revoke
 * → the old key refused with {@code InvalidAccessKeyId}, the new one accepted. Each decision is taken from what RGW
 * lists at that moment.
 */
@ExtendWith(RealRgwExtension.class)
class RgwRotationJourneyIT {

    private static final String UID = "journey";
    private static final String BUCKET = "journey-bucket";
    private static final Rotation MONTHLY = new Rotation("720h", null, "10m", null, null, null);
    private static final List<RotationStepKind> HOP_STEPS = List.of(RotationStepKind.WRITE_VAULT,
            RotationStepKind.FORCE_SYNC, RotationStepKind.AWAIT_REPLICA, RotationStepKind.ROLL,
            RotationStepKind.PROVE_CONSUMERS);

    private static RealRgw rgw;
    private static RgwAdminOps ops;
    private static MinioStoreProbe probe;

    @BeforeAll
    static void start(RealRgw started) {
        rgw = started;
        Credential admin = rgw.createUser("journey-admin");
        rgw.grantCaps("journey-admin", "users=*");
        // requests are signed with the real time; the planner's time is the manual clock below
        ops = RgwAdminOps.connect(rgw.endpoint(), admin, ProbeTls.systemTrust(), null, Duration.ofSeconds(10),
                Clock.systemUTC());
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
    void shouldEndWithOneNewKeyAndTheOldOneRefusedWhenACrashHitsTheMintAndAHopLingers() {
        Credential old = rgw.createUser(UID);
        rgw.createBucket(old, BUCKET);
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T03:00:00Z"));
        RotationPlanner planner = new RotationPlanner(clock);
        Instant keySince = clock.instant().minus(Duration.ofDays(31));
        Map<String, String> allOnOld = hops(old.accessKeyId(), old.accessKeyId());

        RotationDecision first = planner.decide(MONTHLY, false, Optional.empty(), facts(keySince, allOnOld));
        RotationJournal journal = RotationJournal.open("rot-journey", clock.instant(), old.accessKeyId(),
                storeKeys()).started(RotationStepKind.MINT, clock.instant());
        ops.mint(UID); // the process dies here: RGW holds the key, the journal does not know it
        RotationDecision afterCrash = planner.decide(MONTHLY, false, Optional.of(journal), facts(keySince, allOnOld));
        String adopted = ((AdoptMinted) afterCrash).accessKeyId();
        Credential fresh = ops.keys(UID).stream().filter(k -> k.accessKeyId().equals(adopted)).findFirst()
                .orElseThrow();
        journal = journal.minted(adopted, clock.instant());
        RotationDecision afterMint = planner.decide(MONTHLY, false, Optional.of(journal), facts(keySince, allOnOld));
        ProbeVerdict freshAccepted = probe(fresh);
        journal = journal.started(RotationStepKind.PROBE_NEW, clock.instant())
                .completed(RotationStepKind.PROBE_NEW, clock.instant());
        for (RotationStepKind step : HOP_STEPS) {
            RotationDecision next = planner.decide(MONTHLY, false, Optional.of(journal), facts(keySince, allOnOld));
            assertThat(next).as(step.name()).isInstanceOfSatisfying(Resume.class,
                    r -> assertThat(r.step()).isEqualTo(step));
            journal = journal.started(step, clock.instant()).completed(step, clock.instant());
        }
        Map<String, String> consumerLingers = hops(fresh.accessKeyId(), old.accessKeyId());
        Map<String, String> allOnNew = hops(fresh.accessKeyId(), fresh.accessKeyId());
        RotationDecision grace = planner.decide(MONTHLY, false, Optional.of(journal), facts(keySince, allOnNew));
        clock.advance(Duration.ofMinutes(10));
        journal = journal.completed(RotationStepKind.WAIT_REVOKE_AFTER, clock.instant());
        RotationDecision lingering = planner.decide(MONTHLY, false, Optional.of(journal),
                facts(keySince, consumerLingers));
        ProbeVerdict oldWhileBlocked = probe(old);
        RotationDecision revoke = planner.decide(MONTHLY, false, Optional.of(journal), facts(keySince, allOnNew));
        ops.revoke(UID, old.accessKeyId());
        journal = journal.completed(RotationStepKind.REVOKE, clock.instant());
        RotationDecision prove = planner.decide(MONTHLY, false, Optional.of(journal), facts(keySince, allOnNew));
        ProbeVerdict oldAfterRevoke = probe(old);
        journal = journal.completed(RotationStepKind.PROVE_OLD_REFUSED, clock.instant());
        RotationDecision done = planner.decide(MONTHLY, false, Optional.of(journal),
                facts(clock.instant(), allOnNew));

        assertThat(first).isInstanceOf(Due.class);
        assertThat(afterMint).isEqualTo(new Resume(RotationStepKind.PROBE_NEW, "next step after MINT"));
        assertThat(freshAccepted).isEqualTo(new Accepted(false));
        assertThat(grace).isEqualTo(new Wait(RotationStepKind.WAIT_REVOKE_AFTER,
                journal.completedAt(RotationStepKind.PROVE_CONSUMERS).orElseThrow().plus(Duration.ofMinutes(10))));
        assertThat(lingering).isInstanceOfSatisfying(Blocked.class,
                b -> assertThat(b.reason()).contains("still held by consumers").doesNotContain(old.accessKeyId()));
        assertThat(oldWhileBlocked).isEqualTo(new Accepted(false));
        assertThat(revoke).isInstanceOfSatisfying(Resume.class,
                r -> assertThat(r.step()).isEqualTo(RotationStepKind.REVOKE));
        assertThat(prove).isInstanceOfSatisfying(Resume.class,
                r -> assertThat(r.step()).isEqualTo(RotationStepKind.PROVE_OLD_REFUSED));
        assertThat(oldAfterRevoke)
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(probe(fresh)).isEqualTo(new Accepted(false));
        assertThat(ops.keys(UID)).as("one new key, never a third").containsExactly(fresh);
        assertThat(done).isEqualTo(new NotDue(clock.instant().plus(Duration.ofDays(30))));
    }

    private static Map<String, String> hops(String upstream, String consumers) {
        return Map.of("source", upstream, "vault", upstream, "replica", upstream, "consumers", consumers);
    }

    private static RotationFacts facts(Instant keySince, Map<String, String> heldBy) {
        return new RotationFacts(Capability.RGW_ADMIN_OPS, Optional.of(keySince), storeKeys(), heldBy, false);
    }

    private static Set<String> storeKeys() {
        return ops.keys(UID).stream().map(Credential::accessKeyId).collect(Collectors.toSet());
    }

    private static ProbeVerdict probe(Credential key) {
        return probe.probe(ProbeTarget.of(rgw.endpoint().toString(), BUCKET), key);
    }
}
