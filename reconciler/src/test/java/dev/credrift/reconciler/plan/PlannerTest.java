package dev.credrift.reconciler.plan;

import static dev.credrift.reconciler.assess.AssessmentFixture.GATEWAY;
import static dev.credrift.reconciler.assess.AssessmentFixture.LOKI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.assess.HopMatch;
import dev.credrift.reconciler.classify.Classification.Classified;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.RollBlocker;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {

    private static final StepKind PROBE = StepKind.PROBE_STORE;
    private static final StepKind WRITE = StepKind.WRITE_VAULT;
    private static final StepKind SYNC = StepKind.FORCE_SYNC;
    private static final StepKind AWAIT_REPLICA = StepKind.AWAIT_REPLICA;
    private static final StepKind ROLL = StepKind.ROLL_OUT;
    private static final StepKind READY = StepKind.AWAIT_READY;
    private static final StepKind CREATE = StepKind.CREATE_STORE_ACCOUNT;

    private final Planner planner = new Planner();

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(DriftClass.VAULT_STALE, List.of(PROBE, WRITE, SYNC, AWAIT_REPLICA, ROLL, READY)),
                Arguments.of(DriftClass.REPLICA_STALE, List.of(PROBE, SYNC, AWAIT_REPLICA, ROLL, READY)),
                Arguments.of(DriftClass.CONSUMERS_STALE, List.of(PROBE, ROLL, READY)),
                Arguments.of(DriftClass.AUTHORITY_REJECTED, List.of()),
                Arguments.of(DriftClass.ENDPOINT_UNTRUSTED, List.of()),
                Arguments.of(DriftClass.REPLICA_UNSYNCABLE, List.of()),
                Arguments.of(DriftClass.STORE_MISSING_ACCOUNT, List.of(CREATE, PROBE, ROLL, READY)),
                Arguments.of(DriftClass.IDENTITY_REJECTED, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void shouldPlanTheDesignsStepsWhenClassIs(DriftClass driftClass, List<StepKind> expected) {
        Plan plan = plan(
                driftClass,
                AssessmentFixture.inSync()
                        .consumer(LOKI, true, true, Optional.empty())
                        .build());

        assertThat(plan.actions()).extracting(Action::kind).containsExactlyElementsOf(expected);
        assertThat(plan.alertOnly()).isEqualTo(expected.isEmpty());
        if (expected.isEmpty()) {
            assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("alert only"));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DriftClass.class,
            names = {"VAULT_STALE", "REPLICA_STALE", "CONSUMERS_STALE"})
    void shouldProbeFirstWhenPlanWritesOrRolls(DriftClass driftClass) {
        Plan plan = plan(
                driftClass,
                AssessmentFixture.inSync()
                        .consumer(LOKI, true, true, Optional.empty())
                        .build());

        assertThat(plan.actions().get(0).kind()).isEqualTo(StepKind.PROBE_STORE);
    }

    @Test
    void shouldPlanNothingWhenInSync() {
        assertThat(planner.plan(
                        new Classified(DriftClass.IN_SYNC, "ok"),
                        AssessmentFixture.inSync().build()))
                .isEmpty();
    }

    @Test
    void shouldRollOnlyStaleConsumersWhenConsumersAreStale() {
        Assessment a = AssessmentFixture.inSync()
                .consumer(LOKI, false, true, Optional.empty())
                .consumer(GATEWAY, true, true, Optional.empty())
                .build();

        Plan plan = plan(DriftClass.CONSUMERS_STALE, a);

        assertThat(plan.actions())
                .filteredOn(x -> x.kind() == ROLL)
                .extracting(Action::target)
                .containsExactly(GATEWAY.describe());
        assertThat(plan.actions().get(plan.actions().size() - 1).workloads()).containsExactly(GATEWAY);
    }

    @Test
    void shouldRollEveryRollableConsumerWhenReplicaWillChange() {
        Assessment a = AssessmentFixture.inSync()
                .consumer(LOKI, false, true, Optional.empty())
                .consumer(GATEWAY, false, true, Optional.empty())
                .build();

        Plan plan = plan(DriftClass.REPLICA_STALE, a);

        assertThat(plan.actions()).filteredOn(x -> x.kind() == ROLL).hasSize(2);
    }

    @Test
    void shouldSkipAndSayWhenConsumerIsPaused() {
        Assessment a = AssessmentFixture.inSync()
                .consumer(GATEWAY, true, true, Optional.of(RollBlocker.paused(GATEWAY)))
                .build();

        Plan plan = plan(DriftClass.VAULT_STALE, a);

        assertThat(plan.actions()).extracting(Action::target).doesNotContain(GATEWAY.describe());
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("paused"));
    }

    @Test
    void shouldAlertOnlyWhenNoStaleConsumerCanBeRolled() {
        Assessment a = AssessmentFixture.inSync()
                .noConsumers()
                .consumer(GATEWAY, true, true, Optional.of(RollBlocker.paused(GATEWAY)))
                .build();

        Plan plan = plan(DriftClass.CONSUMERS_STALE, a);

        assertThat(plan.alertOnly()).isTrue();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("alert only"));
    }

    @Test
    void shouldEndAtAwaitReplicaWhenNobodyConsumes() {
        Plan plan = plan(
                DriftClass.VAULT_STALE, AssessmentFixture.inSync().noConsumers().build());

        assertThat(plan.actions()).extracting(Action::kind).containsExactly(PROBE, WRITE, SYNC, AWAIT_REPLICA);
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("no consumer"));
    }

    @Test
    void shouldCreateVerifyAndRollOnlyUnreadyOrStaleConsumersWhenStoreMissesAccount() {
        Assessment a = storeMissingAccount()
                .consumer(LOKI, false, false, Optional.empty())
                .consumer(GATEWAY, false, true, Optional.empty())
                .build();

        Plan plan = plan(DriftClass.STORE_MISSING_ACCOUNT, a);

        assertThat(plan.actions()).extracting(Action::kind).containsExactly(CREATE, PROBE, ROLL, READY);
        assertThat(plan.actions().get(0).target())
                .contains(AssessmentFixture.AUTHORITY.maskedAccessKeyId().toString())
                .doesNotContain(AssessmentFixture.AUTHORITY.secret().reveal());
        assertThat(plan.actions())
                .filteredOn(x -> x.kind() == ROLL)
                .extracting(Action::target)
                .containsExactly(LOKI.describe());
    }

    @Test
    void shouldSyncReplicaBeforeRollingWhenStoreMissesAccountAndReplicaDiffers() {
        Plan plan = plan(
                DriftClass.STORE_MISSING_ACCOUNT,
                storeMissingAccount().replica(HopMatch.DIFFERS).build());

        assertThat(plan.actions())
                .extracting(Action::kind)
                .containsExactly(CREATE, PROBE, SYNC, AWAIT_REPLICA, ROLL, READY);
    }

    @Test
    void shouldOnlyCreateAndVerifyWhenStoreMissesAccountAndConsumersAreReady() {
        Plan plan = plan(DriftClass.STORE_MISSING_ACCOUNT, storeMissingAccount().build());

        assertThat(plan.actions()).extracting(Action::kind).containsExactly(CREATE, PROBE);
    }

    @Test
    void shouldHealNothingPastTheStoreWhenStoreMissesAccountAndReplicaIsUnreadable() {
        Plan plan = plan(
                DriftClass.STORE_MISSING_ACCOUNT,
                storeMissingAccount()
                        .replica(HopMatch.UNREADABLE)
                        .consumer(LOKI, false, false, Optional.empty())
                        .build());

        assertThat(plan.actions()).extracting(Action::kind).containsExactly(CREATE, PROBE);
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("replica cannot be read"));
    }

    @Test
    void shouldRebuildStoreAccountStepsWhenReadFromJournal() {
        Plan plan = plan(
                DriftClass.STORE_MISSING_ACCOUNT,
                storeMissingAccount()
                        .consumer(LOKI, false, false, Optional.empty())
                        .build());

        List<Action> rebuilt = plan.actions().stream()
                .map(a -> Action.of(a.kind(), a.target(), a.workloads()))
                .toList();

        assertThat(rebuilt).isEqualTo(plan.actions());
    }

    private static AssessmentFixture storeMissingAccount() {
        return AssessmentFixture.inSync()
                .authority(Authority.VAULT)
                .minioSource()
                .verdict(new ProbeVerdict.Rejected(
                        ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
    }

    @Test
    void shouldRebuildActionsWhenReadFromJournal() {
        Plan plan = plan(DriftClass.VAULT_STALE, AssessmentFixture.inSync().build());

        List<Action> rebuilt = plan.actions().stream()
                .map(a -> Action.of(a.kind(), a.target(), a.workloads()))
                .toList();

        assertThat(rebuilt).isEqualTo(plan.actions());
    }

    private Plan plan(DriftClass driftClass, Assessment a) {
        return planner.plan(new Classified(driftClass, "detail"), a).orElseThrow();
    }
}
