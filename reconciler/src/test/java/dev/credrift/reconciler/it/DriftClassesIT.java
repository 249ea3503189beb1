package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionType;
import dev.credrift.events.Topic;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.sandbox.onepassword.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per class of architecture.md §4 (VAULT_STALE is story 1; ENDPOINT_UNTRUSTED is in {@link EndpointTrustIT}). */
class DriftClassesIT extends OnItWorld {

    @Test
    void shouldChangeNothingWhenInSync() {
        world.story1(spec -> spec);
        ApiRequests.drain(world.kube);
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        awaitCondition(ConditionType.IN_SYNC, "InSync");
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(DriftDetected.class)).isEmpty();
        assertThat(world.outcomes(RemediationPlanned.class)).isEmpty();
        assertNothingWritten();
        assertThat(world.status(LOKI).fingerprints().replica()).isNotNull();
    }

    @Test
    void shouldAlertAndWriteNothingWhenTheStoreRejectsTheAuthority() {
        world.story1(spec -> spec);
        // Rook's secret holds a key RGW does not know: a credential nobody may propagate
        Credential unknown = world.plant(Credential.of("AKIAUNKNOWNKEY000009", "a-secret-rgw-never-issued-0009"));
        world.rookSecret(unknown);
        ApiRequests.drain(world.kube);
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        awaitCondition(ConditionType.IN_SYNC, "AuthorityRejected");
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(DriftDetected.class)).singleElement().satisfies(d -> {
            assertThat(d.driftClass()).isEqualTo(DriftClass.AUTHORITY_REJECTED);
            assertThat(d.storeVerdict()).isEqualTo(StoreVerdict.INVALID_ACCESS_KEY_ID);
            assertThat(d.detail())
                    .contains("InvalidAccessKeyId")
                    .contains(unknown.maskedAccessKeyId().value());
        });
        assertThat(world.outcomes(RemediationPlanned.class)).singleElement().satisfies(p -> {
            assertThat(p.steps()).isEmpty();
            assertThat(p.dryRun()).isFalse();
        });
        assertThat(world.kubeEvents()).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("AuthorityRejected");
            assertThat(e.getType()).isEqualTo("Warning");
        });
        assertNothingWritten();
        assertThat(world.onePassword
                        .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                        .reveal())
                .isNotEqualTo(unknown.accessKeyId());
    }

    @Test
    void shouldForceSyncAndRollWhenOnlyTheReplicaIsStale() {
        world.story1(spec -> spec);
        world.replica(world.plant(Credential.of("AKIAOLDREPLICA000003", "an-old-replica-secret-value-003")));
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.REPLICA_STALE);
        assertThat(world.outcomes(RemediationStepFinished.class))
                .extracting(RemediationStepFinished::kind)
                .containsExactly(
                        StepKind.PROBE_STORE,
                        StepKind.FORCE_SYNC,
                        StepKind.AWAIT_REPLICA,
                        StepKind.ROLL_OUT,
                        StepKind.AWAIT_READY);
        assertThat(world.onePassword.requests().stream().filter(RecordedRequest::isWrite))
                .isEmpty();
        assertThat(world.esAnnotations(ItWorld.ES)).containsKey("force-sync");
        assertThat(world.rollouts("loki")).isEqualTo(1);
        awaitCondition(ConditionType.IN_SYNC, "InSync");
    }

    @Test
    void shouldOnlyRollWhenConsumersStartedBeforeTheReplicaChanged() {
        Credential key = world.storeUser(ItWorld.USER);
        world.rookSecret(key);
        world.vaultItem(key);
        world.externalSecret(ItWorld.ES, "1h", null);
        world.statefulSet("loki", 2, Instant.now().minus(Duration.ofMinutes(10)));
        world.replica(key);
        world.binding(ItWorld.BINDING, spec -> spec);
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.CONSUMERS_STALE);
        assertThat(world.outcomes(RemediationStepFinished.class))
                .extracting(RemediationStepFinished::kind)
                .containsExactly(StepKind.PROBE_STORE, StepKind.ROLL_OUT, StepKind.AWAIT_READY);
        assertThat(world.esAnnotations(ItWorld.ES)).doesNotContainKey("force-sync");
        assertThat(world.onePassword.requests().stream().filter(RecordedRequest::isWrite))
                .isEmpty();
        assertThat(world.rollouts("loki")).isEqualTo(1);
    }

    @ParameterizedTest(name = "refreshInterval {0}, refreshPolicy {1}")
    @CsvSource(
            value = {"0,null", "1h,CreatedOnce"},
            nullValues = "null")
    void shouldSayWhyAndNotPatchWhenEsoIgnoresForceSync(String interval, String policy) {
        Credential key = world.storeUser(ItWorld.USER);
        world.rookSecret(key);
        world.vaultItem(key);
        world.externalSecret(ItWorld.ES, interval, policy);
        world.replica(world.plant(Credential.of("AKIAOLDREPLICA000004", "an-old-replica-secret-value-004")));
        world.statefulSet("loki", 1, ItWorld.aSecondLater());
        world.binding(ItWorld.BINDING, spec -> spec);
        ApiRequests.drain(world.kube);
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        Condition inSync = awaitCondition(ConditionType.IN_SYNC, "ReplicaUnsyncable");
        world.awaitIdle(reconciler);

        assertThat(inSync.message()).contains(policy == null ? "refreshInterval 0" : "CreatedOnce");
        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.REPLICA_UNSYNCABLE);
        assertThat(world.outcomes(RemediationPlanned.class))
                .singleElement()
                .satisfies(p -> assertThat(p.steps()).isEmpty());
        assertNothingWritten();
    }

    @Test
    void shouldSayReplicaUnsyncableWhenEsoReportsSyncErrors() {
        world.story1(spec -> spec);
        // ESO cannot repair a hand-edited replica: its Connect token was revoked
        world.esoSyncsFail();
        world.replicaEditedByHand(
                world.plant(Credential.of("AKIAOLDREPLICA000005", "an-old-replica-secret-value-005")));
        world.awaitEsoReady(ItWorld.ES, "SecretSyncedError");
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        Condition inSync = awaitCondition(ConditionType.IN_SYNC, "ReplicaUnsyncable");
        world.awaitIdle(reconciler);

        assertThat(inSync.message()).contains("SecretSyncedError");
        assertThat(world.esAnnotations(ItWorld.ES)).doesNotContainKey("force-sync");
    }

    @Test
    void shouldDeadLetterWhenARecordIsNotAnEvent() {
        world.story1(spec -> spec);
        Reconciler reconciler = world.deploy();

        world.sendGarbage(LOKI.toString());
        world.awaitIdle(reconciler);

        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> !world.events(Topic.DEADLETTER).isEmpty());
        assertThat(world.events(Topic.DEADLETTER)).singleElement().satisfies(e -> {
            DeadLetter letter = (DeadLetter) e.payload();
            assertThat(letter.bindingId()).isEqualTo(LOKI);
            assertThat(letter.reasonCode()).isEqualTo("MISSING_HEADER");
        });
    }

    private Condition awaitCondition(ConditionType type, String reason) {
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.status(LOKI)
                        .condition(type)
                        .filter(c -> reason.equals(c.reason()))
                        .isPresent());
        return world.status(LOKI).condition(type).orElseThrow();
    }

    /** The reconciler wrote only the binding's status and Events; 1Password saw reads only; nothing rolled. */
    private void assertNothingWritten() {
        List<String> writes = ApiRequests.writes(ApiRequests.drain(world.kube));
        assertThat(writes)
                .allSatisfy(w -> assertThat(w)
                        .matches(
                                "(PATCH /apis/credrift\\.dev/v1alpha1/namespaces/monitoring/credentialbindings/loki-s3/status.*"
                                        + "|POST /apis/events\\.k8s\\.io/v1/namespaces/monitoring/events.*)"));
        assertThat(world.onePassword.requests().stream().filter(RecordedRequest::isWrite))
                .isEmpty();
        assertThat(world.esAnnotations(ItWorld.ES)).doesNotContainKey("force-sync");
        assertThat(world.totalRollouts()).isZero();
    }
}
