package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.validation.ValidationResult;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.assess.Assessor;
import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.CredentialRefusal;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.assess.OnReplica;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.ExternalSecretState;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.VaultValue;
import dev.credrift.reconciler.world.WorkloadRef;
import dev.credrift.reconciler.world.WorldSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The roll step and the assessment judge a pod of the replica change's own second alike (issue 12 follow-up:
 * MovingWorldIT under load took 29.8 s, the roll step having skipped a pod the final assessment called stale). Each
 * case is one world judged by both callers with what each is given in the reconciler: the roll step its read of the
 * workload and the journal; the assessment a snapshot, the journal's mark and rollouts.
 */
class RollOutJudgementTest {

    private static final String NS = "monitoring";
    private static final WorkloadRef LOKI = AssessmentFixture.LOKI;
    // the first remediation rolled at 12:00:05.200 (stamp of the whole second), the second rotation reached the
    // replica at 12:00:05.600: its pods started in the very second of the change, from a rollout made before it
    private static final Instant ROLLED = Instant.parse("2026-12-07T12:00:05.200Z");
    private static final Instant CHANGED = Instant.parse("2026-12-07T12:00:05.600Z");
    private static final Optional<ReplicaMark> MARK =
            Optional.of(ReplicaMark.observed(AssessmentFixture.AUTHORITY_FP, CHANGED));

    private final Freshness freshness = new Freshness(Duration.ofMinutes(2), false);
    private final Assessor assessor = new Assessor(AssessmentFixture.FINGERPRINTER, freshness);

    @Test
    void shouldJudgeAPodOfTheChangesSecondFromAnEarlierRolloutStaleInBothWhenTheJournalSaysItCameFirst() {
        ConsumerWorkload read = workload(Optional.of("2026-12-07T12:00:05Z"), "12:00:05Z");
        Instant now = CHANGED.plusSeconds(2);

        ConsumerVerdict step = rollStep(read, List.of(ROLLED), now);
        ConsumerVerdict assessment = assessment(read, List.of(ROLLED), now);

        assertThat(step.stale()).as(step.detail()).isTrue();
        assertThat(assessment.stale()).as(assessment.detail()).isEqualTo(step.stale());
        assertThat(assessment.detail()).isEqualTo(step.detail()).contains("made before the change");
    }

    @Test
    void shouldJudgeAPodOfTheChangesSecondFreshInBothWhenNoRolloutOfTheJournalCameFirst() {
        ConsumerWorkload read = workload(Optional.of("2026-12-07T12:00:05Z"), "12:00:05Z");
        Instant now = CHANGED.plusSeconds(2);
        List<Instant> after = List.of(CHANGED.plusMillis(100));

        assertThat(rollStep(read, after, now).stale()).isFalse();
        assertThat(assessment(read, after, now).stale()).isFalse();
    }

    // the failure itself: the roll step read the workload between the old pod's deletion and its replacement (no
    // pod: nothing stale, not rolled); the replacement started in the change's second from the rollout stamped the
    // second before, and the final assessment called it stale — CONSUMERS_STALE, healed by a retry ~29 s later
    @Test
    void shouldRollAWorkloadReadMidRolloutWhenTheAssessmentWillCallItsReplacementStale() {
        Optional<String> earlier = Optional.of("2026-12-07T12:00:04Z");
        List<Instant> restarts = List.of(Instant.parse("2026-12-07T12:00:04.900Z"));
        ConsumerWorkload midRollout = workload(earlier);
        ConsumerWorkload replaced = workload(earlier, "12:00:05Z");

        ConsumerVerdict step = rollStep(midRollout, restarts, CHANGED.plusMillis(200));
        ConsumerVerdict assessment = assessment(replaced, restarts, CHANGED.plusSeconds(3));

        assertThat(assessment.stale()).as(assessment.detail()).isTrue();
        assertThat(step.stale()).as(step.detail()).isEqualTo(assessment.stale());
        assertThat(step.detail()).contains("1 pod(s) still to be made from the template");
    }

    @Test
    void shouldLeaveAWorkloadReadMidRolloutWhenItsPodsCanOnlyStartAfterTheChangesSecond() {
        ConsumerWorkload midRollout = workload(Optional.of("2026-12-07T12:00:04Z"));
        ConsumerWorkload replaced = workload(Optional.of("2026-12-07T12:00:04Z"), "12:00:06Z");

        assertThat(rollStep(midRollout, List.of(), CHANGED.plusMillis(500)).stale())
                .isFalse();
        assertThat(assessment(replaced, List.of(), CHANGED.plusSeconds(3)).stale())
                .isFalse();
    }

    private ConsumerVerdict rollStep(ConsumerWorkload read, List<Instant> restarts, Instant now) {
        return RollOutStep.judge(
                freshness,
                read,
                new OnReplica.History(MARK, restarts),
                CredentialRefusal.whenPlanned(DriftClass.VAULT_STALE, CHANGED),
                now);
    }

    private ConsumerVerdict assessment(ConsumerWorkload read, List<Instant> restarts, Instant now) {
        Optional<ProbeVerdict> accepted = Optional.of(new ProbeVerdict.Accepted(false));
        Assessor.Assessed assessed = assessor.assess(snapshot(read, now), accepted, MARK, restarts, now);
        assertThat(assessed.replicaMark()).isEqualTo(MARK);
        return assessed.assessment().consumers().get(0);
    }

    private static WorldSnapshot snapshot(ConsumerWorkload consumer, Instant now) {
        CredentialBinding resource = new CredentialBinding();
        resource.setSpec(new CredentialBindingSpec(null, Authority.VAULT, null, null, null, List.of(), null, null));
        BoundBinding binding =
                new BoundBinding(BindingId.of(NS, "loki-s3"), resource, 1, Map.of(), new ValidationResult(List.of()));
        ExternalSecretState es = new ExternalSecretState(
                NS,
                "loki-s3",
                "loki-s3",
                "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY",
                Optional.empty(),
                Optional.empty(),
                "True",
                Optional.of("SecretSynced"),
                Optional.empty());
        ReplicaSecret secret = new ReplicaSecret(
                NS, "loki-s3", "7", Optional.of(AssessmentFixture.AUTHORITY), Optional.empty(), Optional.empty());
        return new WorldSnapshot(
                binding,
                Hop.unreadable(ProblemCode.NO_TARGET, "a vault-authority binding in this test has no source"),
                Hop.read(new VaultValue("Infrastructure", "loki-s3", 2, Optional.of(AssessmentFixture.AUTHORITY))),
                Hop.read(new ReplicaValue(es, Optional.of(secret))),
                List.of(consumer),
                List.of(),
                Hop.unreadable(ProblemCode.NO_TARGET, "no store in this test"),
                now);
    }

    // its pods (started at 2026-12-07T<time>, whole seconds) are made from its template, and carry its stamp
    private static ConsumerWorkload workload(Optional<String> template, String... podStarts) {
        List<ConsumerPod> pods = List.of(podStarts).stream()
                .map(time -> new ConsumerPod(
                        "loki-0",
                        true,
                        Optional.of(Instant.parse("2026-12-07T" + time)),
                        template,
                        Set.of(SecretMount.ENV)))
                .toList();
        return new ConsumerWorkload(LOKI, Optional.empty(), 2L, 2L, 1, 1, template, Set.of(SecretMount.ENV), pods);
    }
}
