package dev.credrift.reconciler.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.WorkloadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreshnessTest {

    private static final Instant CHANGED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOW = CHANGED.plus(Duration.ofMinutes(10));
    private static final WorkloadRef LOKI = new WorkloadRef(WorkloadKind.STATEFUL_SET, "monitoring", "loki");

    private final Freshness freshness = new Freshness(Duration.ofMinutes(2), false);

    @Test
    void shouldBeStaleWhenPodStartedBeforeReplicaChanged() {
        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", true, CHANGED.minusSeconds(60), SecretMount.ENV)), seen(CHANGED), NOW);

        assertThat(v.stale()).isTrue();
        assertThat(v.ready()).isTrue();
        assertThat(v.detail())
                .contains("loki-0")
                .contains("before the replica changed")
                .contains("env");
    }

    @Test
    void shouldBeFreshWhenPodStartedAfterReplicaChanged() {
        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", true, CHANGED.plusSeconds(5), SecretMount.ENV)), seen(CHANGED), NOW);

        assertThat(v.stale()).isFalse();
        assertThat(v.ready()).isTrue();
        assertThat(v.detail()).endsWith("fresh and ready");
    }

    @Test
    void shouldBeStaleWhenPodStartedInTheSecondOfTheChangeAndNoLaterRolloutMadeIt() {
        Instant changed = CHANGED.plusMillis(700);

        ConsumerVerdict v =
                freshness.judge(workload(pod("loki-0", true, CHANGED, SecretMount.ENV)), seen(changed), NOW);

        assertThat(v.stale()).isTrue();
    }

    @Test
    void shouldBeFreshWhenReadyPodStartedInTheSecondOfAChangeOnlyInferredOnFirstSight() {
        Optional<ReplicaMark> install =
                Optional.of(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, CHANGED.plusMillis(700)));

        ConsumerVerdict v = freshness.judge(workload(pod("loki-0", true, CHANGED, SecretMount.ENV)), install, NOW);

        assertThat(v.stale()).isFalse();
        assertThat(v.detail()).endsWith("fresh and ready");
    }

    @Test
    void shouldBeStaleWhenReadyPodStartedLongBeforeAChangeInferredOnFirstSight() {
        Optional<ReplicaMark> install = Optional.of(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, CHANGED));

        ConsumerVerdict v =
                freshness.judge(workload(pod("loki-0", true, CHANGED.minusSeconds(61), SecretMount.ENV)), install, NOW);

        assertThat(v.stale()).isTrue();
    }

    // issue 13: in a still world built at once on a slow API, ESO wrote the replica after its pods had started; the
    // first sight of the replica took its creationTimestamp as the change and restarted healthy workloads
    @ParameterizedTest(name = "Secret created {0} ms after the pod started")
    @ValueSource(longs = {1, 200, 1_200, 30_000, 59_000})
    void shouldBeFreshWhenReadyPodStartedShortlyBeforeTheReplicaWasFirstSeen(long lagMillis) {
        Instant podStarted = CHANGED.plusMillis(900);
        Instant secretCreated = podStarted.plusMillis(lagMillis);
        Optional<ReplicaMark> firstSight = ReplicaChange.mark(
                Optional.of(AssessmentFixture.AUTHORITY_FP),
                Optional.empty(),
                Optional.empty(),
                Optional.of(secretCreated),
                NOW);

        ConsumerVerdict v =
                freshness.judge(workload(pod("loki-0", true, podStarted, SecretMount.ENV)), firstSight, NOW);

        assertThat(v.stale()).isFalse();
        assertThat(v.detail()).endsWith("fresh and ready");
    }

    @Test
    void shouldBeStartingNotStaleWhenUnreadyPodStartedShortlyBeforeAChangeInferredOnFirstSight() {
        Freshness noGrace = new Freshness(Duration.ofDays(1), false);
        Optional<ReplicaMark> install = Optional.of(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, CHANGED));

        ConsumerVerdict v =
                noGrace.judge(workload(pod("loki-0", false, CHANGED.minusSeconds(1), SecretMount.ENV)), install, NOW);

        // judged by the not-ready rules (grace, refusal), not by a start time the first sight cannot order
        assertThat(v.stale()).isFalse();
        assertThat(v.ready()).isFalse();
    }

    @Test
    void shouldBeStaleWhenUnreadyPodStartedLongBeforeAChangeInferredOnFirstSight() {
        Freshness noGrace = new Freshness(Duration.ofDays(1), false);
        Optional<ReplicaMark> install = Optional.of(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, CHANGED));

        ConsumerVerdict v = noGrace.judge(
                workload(pod(
                        "loki-0",
                        false,
                        CHANGED.minus(OnReplica.FIRST_SIGHT_SLACK).minusSeconds(1),
                        SecretMount.ENV)),
                install,
                NOW);

        assertThat(v.stale()).isTrue();
    }

    @Test
    void shouldBeStaleWhenReadyPodStartedTheSecondBeforeAnObservedChange() {
        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", true, CHANGED.minusMillis(100), SecretMount.ENV)),
                seen(CHANGED.plusMillis(200)),
                NOW);

        assertThat(v.stale()).isTrue();
    }

    @Test
    void shouldBeStartingNotStaleWhenUnreadyPodStartedInTheSecondOfAChangeInferredOnFirstSight() {
        Freshness noGrace = new Freshness(Duration.ofDays(1), false);
        Optional<ReplicaMark> install =
                Optional.of(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, CHANGED.plusMillis(700)));

        ConsumerVerdict v = noGrace.judge(workload(pod("loki-0", false, CHANGED, SecretMount.ENV)), install, NOW);

        // a pod still starting in a world built at once is not restarted (scale benchmark, issue 13)
        assertThat(v.stale()).isFalse();
        assertThat(v.ready()).isFalse();
        assertThat(v.detail()).contains("not ready yet (starting)");
    }

    @Test
    void shouldBeFreshWhenPodStartedInTheSecondOfTheChangeFromARolloutAfterIt() {
        Instant changed = CHANGED.plusMillis(300);
        ConsumerPod rolled = new ConsumerPod(
                "loki-0", true, Optional.of(CHANGED), Optional.of(CHANGED.toString()), Set.of(SecretMount.ENV));

        assertThat(freshness.judge(workload(rolled), seen(changed), NOW).stale())
                .isFalse();
        ConsumerPod kubectl = new ConsumerPod(
                "loki-0",
                true,
                Optional.of(CHANGED),
                Optional.of("2026-11-22T11:00:00+01:00"),
                Set.of(SecretMount.ENV));
        assertThat(freshness.judge(workload(kubectl), seen(changed), NOW).stale())
                .isFalse();
    }

    @Test
    void shouldBeFreshWhenChangeTimeIsUnknownAndPodIsReady() {
        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", true, CHANGED.minusSeconds(60), SecretMount.ENV)), Optional.empty(), NOW);

        assertThat(v.stale()).isFalse();
    }

    @Test
    void shouldBeStaleWhenPodIsNotReadyPastGrace() {
        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", false, NOW.minus(Duration.ofMinutes(5)), SecretMount.ENV)),
                Optional.empty(),
                NOW);

        assertThat(v.stale()).isTrue();
        assertThat(v.ready()).isFalse();
        assertThat(v.detail()).contains("not ready more than 120 s");
    }

    @Test
    void shouldBeStartingNotStaleWhenPodIsNotReadyWithinGrace() {
        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", false, NOW.minusSeconds(30), SecretMount.ENV)), seen(CHANGED), NOW);

        assertThat(v.stale()).isFalse();
        assertThat(v.ready()).isFalse();
        assertThat(v.detail()).contains("starting");
    }

    @Test
    void shouldBeStaleNotStartingWhenANotReadyPodHoldsACredentialTheStoreRefuses() {
        Optional<CredentialRefusal> refused = Optional.of(new CredentialRefusal("UserSuspended, HTTP 403", NOW));

        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", false, NOW.minusSeconds(30), SecretMount.ENV)), seen(CHANGED), refused, NOW);

        assertThat(v.stale()).isTrue();
        assertThat(v.ready()).isFalse();
        assertThat(v.detail())
                .contains("the store refuses the credential it reads (UserSuspended, HTTP 403)")
                .doesNotContain("starting");
    }

    @Test
    void shouldBeStartingWhenThePodStartedAfterTheStoreWasSeenRefusingItsCredential() {
        Optional<CredentialRefusal> refusedEarlier =
                Optional.of(new CredentialRefusal("InvalidAccessKeyId, HTTP 403", NOW.minusSeconds(60)));

        ConsumerVerdict v = freshness.judge(
                workload(pod("tempo-0", false, NOW.minusSeconds(30), SecretMount.ENV)),
                seen(CHANGED),
                refusedEarlier,
                NOW);

        assertThat(v.stale()).isFalse();
        assertThat(v.detail()).contains("starting");
    }

    @Test
    void shouldNotCallAReadyPodStaleWhenTheStoreRefusesItsCredential() {
        Optional<CredentialRefusal> refused = Optional.of(new CredentialRefusal("UserSuspended, HTTP 403", NOW));

        ConsumerVerdict v = freshness.judge(
                workload(pod("loki-0", true, CHANGED.plusSeconds(5), SecretMount.ENV)), seen(CHANGED), refused, NOW);

        assertThat(v.stale()).isFalse();
        assertThat(v.ready()).isTrue();
    }

    @Test
    void shouldKnowARefusalFromThePlanOnlyForClassesGivenOnARefusedAuthority() {
        assertThat(CredentialRefusal.whenPlanned(DriftClass.STORE_MISSING_ACCOUNT, NOW))
                .isPresent();
        assertThat(CredentialRefusal.whenPlanned(DriftClass.VAULT_STALE, NOW)).isEmpty();
        assertThat(CredentialRefusal.whenPlanned(DriftClass.CONSUMERS_STALE, NOW))
                .isEmpty();
    }

    @Test
    void shouldTrustKubeletOnlyWhenAskedAndPodReadsAWholeVolume() {
        ConsumerWorkload volume = workload(pod("loki-0", true, CHANGED.minusSeconds(60), SecretMount.VOLUME));
        ConsumerWorkload subPath = workload(pod("loki-0", true, CHANGED.minusSeconds(60), SecretMount.SUB_PATH));
        Freshness trusting = new Freshness(Duration.ofMinutes(2), true);

        assertThat(freshness.judge(volume, seen(CHANGED), NOW).stale()).isTrue();
        assertThat(trusting.judge(volume, seen(CHANGED), NOW).stale()).isFalse();
        assertThat(trusting.judge(subPath, seen(CHANGED), NOW).stale()).isTrue();
    }

    @Test
    void shouldNotBeReadyWhenPodsAreMissing() {
        ConsumerWorkload twoWanted = new ConsumerWorkload(
                LOKI,
                Optional.empty(),
                1L,
                1L,
                2,
                2,
                Optional.empty(),
                Set.of(SecretMount.ENV),
                List.of(pod("loki-0", true, CHANGED.plusSeconds(1), SecretMount.ENV)));

        ConsumerVerdict v = freshness.judge(twoWanted, seen(CHANGED), NOW);

        assertThat(v.ready()).isFalse();
        assertThat(v.detail()).contains("1/2 pods ready");
    }

    private static ConsumerWorkload workload(ConsumerPod pod) {
        return new ConsumerWorkload(LOKI, Optional.empty(), 1L, 1L, 1, 1, Optional.empty(), pod.reads(), List.of(pod));
    }

    private static ConsumerPod pod(String name, boolean ready, Instant started, SecretMount how) {
        return new ConsumerPod(name, ready, Optional.of(started), Optional.empty(), Set.of(how));
    }

    private static Optional<ReplicaMark> seen(Instant changedAt) {
        return Optional.of(ReplicaMark.observed(AssessmentFixture.AUTHORITY_FP, changedAt));
    }
}
