package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.ConditionType;
import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.audit.AuditReport;
import dev.credrift.events.audit.AuditVerifier;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.StepHook;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.logs.LogCapture;
import dev.credrift.sandbox.minio.AdminCall;
import dev.credrift.sandbox.minio.MinioStandIn;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Story 2, end to end: 1Password (the authority) and Tempo's replica say tempo / supersecret, MinIO knows only its
 * root user, Tempo's pod is unready. The reconciler classifies STORE_MISSING_ACCOUNT, creates exactly that service
 * account through MinIO's admin API (the stand-in, over HTTP, with minio-admin's client), verifies it with the
 * store probe, rolls Tempo once and waits until it is ready — idempotently, only planning in Observe mode, never
 * overwriting an account that exists with another secret, and never showing the secret or the admin password.
 */
@ExtendWith(KafkaBrokerExtension.class)
class Story2IT {

    private static final String BINDING = "tempo-s3";
    private static final BindingId TEMPO_BINDING = BindingId.of(ItWorld.NS, BINDING);
    private static final String TEMPO = "tempo";

    private ItWorld world;
    private MinioStandIn minio;
    private Credential vaultKey;

    @BeforeEach
    void startWorld(KafkaBroker kafka) throws Exception {
        world = ItWorld.start(kafka);
        minio = MinioBindings.startMinio(world);
        vaultKey = world.plant(Credential.of("tempo", "supersecret"));
    }

    @AfterEach
    void stopWorld() throws Exception {
        minio.close();
        world.close();
    }

    @Test
    void shouldCreateTheAccountVerifyItAndRollTempoOnceWhenMinioLacksTheVaultsKey() {
        List<String> logs;
        Reconciler reconciler;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            story2(Mode.REMEDIATE);
            reconciler = world.deploy();
            world.nudge(TEMPO_BINDING);
            await().atMost(90, TimeUnit.SECONDS)
                    .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
            world.awaitIdle(reconciler);
            logs = capture.linesExcept(ItWorld.WORLD_SIDE);
        }

        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.STORE_MISSING_ACCOUNT);
        RemediationPlanned plan = world.outcomes(RemediationPlanned.class).get(0);
        assertThat(plan.dryRun()).isFalse();
        assertThat(plan.steps())
                .extracting(s -> s.kind())
                .containsExactly(
                        StepKind.CREATE_STORE_ACCOUNT, StepKind.PROBE_STORE, StepKind.ROLL_OUT, StepKind.AWAIT_READY);
        List<RemediationStepFinished> steps = world.outcomes(RemediationStepFinished.class);
        assertThat(steps)
                .extracting(RemediationStepFinished::result)
                .containsOnly(RemediationStepFinished.Result.DONE)
                .hasSize(4);
        assertThat(steps.get(0).detail()).contains("created service account").contains("t…o");

        // MinIO: listed first, then exactly one account added, with exactly the vault's keys
        assertThat(minio.calls())
                .extracting(AdminCall::operation)
                .containsSubsequence("list-service-accounts", "add-service-account");
        assertThat(minio.calls())
                .filteredOn(c -> c.operation().equals("add-service-account"))
                .hasSize(1);
        assertThat(minio.serviceAccounts())
                .extracting(MinioStandIn.ServiceAccount::accessKey)
                .containsExactly(TEMPO);
        assertThat(world.store.keys(TEMPO)).containsExactly(vaultKey);

        // Tempo rolled once and ready; the binding in sync; the audit chain intact
        assertThat(world.rollouts(TEMPO)).isEqualTo(1);
        assertThat(world.status(TEMPO_BINDING).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        AuditReport report = AuditVerifier.fromGenesis(ItWorld.AUDIT_KEYS).verify(world.audit());
        assertThat(report.intact()).as("audit findings %s", report.findings()).isTrue();
        assertThat(world.kubeEvents())
                .extracting(e -> e.getReason())
                .contains("StoreMissingAccount", "RemediationSucceeded");

        // nudged again: nothing more is created or rolled
        int outcomes = world.events(Topic.OUTCOMES).size();
        world.nudge(TEMPO_BINDING);
        world.awaitIdle(reconciler);
        await().during(Duration.ofSeconds(1))
                .atMost(5, TimeUnit.SECONDS)
                .until(() -> world.events(Topic.OUTCOMES).size() == outcomes);
        assertThat(minio.calls())
                .filteredOn(c -> c.operation().equals("add-service-account"))
                .hasSize(1);
        assertThat(world.rollouts(TEMPO)).isEqualTo(1);

        // neither the account's secret nor the admin password anywhere: records, status, Events, logs
        assertThat(logs).isNotEmpty();
        assertNoSecretIn(logs);
    }

    @Test
    void shouldOnlyPlanAndCreateNothingWhenObserving() {
        story2(Mode.OBSERVE);
        Reconciler reconciler = world.deploy();

        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationPlanned.class).isEmpty());
        world.nudge(TEMPO_BINDING);
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationPlanned.class)).singleElement().satisfies(plan -> {
            assertThat(plan.dryRun()).isTrue();
            assertThat(plan.steps())
                    .extracting(s -> s.kind())
                    .startsWith(StepKind.CREATE_STORE_ACCOUNT, StepKind.PROBE_STORE);
        });
        assertThat(world.outcomes(RemediationStarted.class)).isEmpty();
        assertThat(minio.calls()).isEmpty();
        assertThat(minio.serviceAccounts()).isEmpty();
        assertThat(world.totalRollouts()).isZero();
        assertThat(world.status(TEMPO_BINDING).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("StoreMissingAccount"));
    }

    @Test
    void shouldResumeWithoutASecondAccountOrRolloutWhenCrashingRightAfterCreatingIt() {
        story2(Mode.REMEDIATE);
        CompletableFuture<Void> crashed = new CompletableFuture<>();
        StepHook crash = (at, binding, index, kind) -> {
            if (at == StepHook.Point.AFTER_ACTION && kind == StepKind.CREATE_STORE_ACCOUNT) {
                crashed.complete(null);
                return Promise.<Void>promise().future(); // frozen here, as by a crash: created, not journaled
            }
            return Future.succeededFuture();
        };
        Reconciler first = world.deploy(crash);
        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS).until(crashed::isDone);
        world.stop(first);
        Reconciler second = world.deploy();

        await().atMost(90, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(second);

        assertThat(minio.calls())
                .filteredOn(c -> c.operation().equals("add-service-account"))
                .hasSize(1);
        assertThat(minio.serviceAccounts()).hasSize(1);
        assertThat(world.rollouts(TEMPO)).isEqualTo(1);
        List<RemediationStarted> starts = world.outcomes(RemediationStarted.class);
        assertThat(starts)
                .extracting(RemediationStarted::remediationId)
                .containsOnly(starts.get(0).remediationId());
        assertThat(starts).anySatisfy(s -> assertThat(s.resumed()).isTrue());
        assertThat(world.outcomes(RemediationStepFinished.class))
                .filteredOn(s -> s.kind() == StepKind.CREATE_STORE_ACCOUNT)
                .singleElement()
                .satisfies(s -> assertThat(s.result()).isEqualTo(RemediationStepFinished.Result.ALREADY_DONE));
        AuditReport report = AuditVerifier.fromGenesis(ItWorld.AUDIT_KEYS).verify(world.audit());
        assertThat(report.intact()).as("audit findings %s", report.findings()).isTrue();
    }

    @Test
    void shouldNeverOverwriteAnAccountThatExistsWithAnotherSecret() {
        minio.addServiceAccount(world.plant(Credential.of("tempo", "a-different-secret")));
        story2(Mode.REMEDIATE);
        Reconciler reconciler = world.deploy();

        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(DriftDetected.class).isEmpty());
        world.awaitIdle(reconciler);

        // the store knows the key with another secret: the vault's credential is rejected, not missing
        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.AUTHORITY_REJECTED);
        assertThat(world.outcomes(RemediationStarted.class)).isEmpty();
        assertThat(minio.calls()).isEmpty();
        assertThat(world.store.keys(TEMPO)).extracting(k -> k.secret().reveal()).containsExactly("a-different-secret");
        assertThat(world.totalRollouts()).isZero();
        assertNoSecretIn(List.of());
    }

    @Test
    void shouldNotStartAgainUntilTheSpecChangesWhenMinioRefusesTheAccountForGood() {
        // MinIO takes secret keys of 8 to 40 characters: this one is refused with XMinioAdminInvalidSecretKey
        vaultKey = world.plant(Credential.of("tempo", "s".repeat(41)));
        story2(Mode.REMEDIATE);
        Reconciler reconciler = world.deploy();
        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationFailed.class).isEmpty());
        world.awaitIdle(reconciler);

        // the watcher's periodic resyncs and other observations: nothing new, so nothing starts again
        for (int i = 0; i < 3; i++) {
            world.nudge(TEMPO_BINDING);
        }
        world.awaitCommitted();
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationStarted.class)).hasSize(1);
        assertThat(world.outcomes(RemediationFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.willRetry()).isFalse();
            assertThat(f.detail()).contains("not tried again until the spec or a hop's credential changes");
        });
        assertThat(minio.calls())
                .filteredOn(c -> c.operation().equals("add-service-account"))
                .hasSize(1);

        // new evidence (a new generation of the spec): one more try
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(ItWorld.NS)
                .withName(BINDING)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"rollout\":{\"readinessTimeout\":\"30s\"}}}");
        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.outcomes(RemediationFailed.class).size() == 2);
        world.awaitIdle(reconciler);
        assertThat(world.outcomes(RemediationStarted.class)).hasSize(2);
        assertNoSecretIn(List.of());
    }

    // ---- the world of story 2 ----

    private void story2(Mode mode) {
        MinioBindings.adminSecret(world, minio);
        world.vaultItem(vaultKey);
        world.externalSecret(ItWorld.ES, "1h", null);
        world.replica(vaultKey);
        // Tempo's pod read tempo/supersecret at start; the store refuses it: the pod is not ready
        world.statefulSet(TEMPO, 1, ItWorld.aSecondLater(), false, ItWorld.PARALLEL);
        MinioBindings.binding(world, minio, BINDING, mode, null);
    }

    // only secret values: access key ids ("tempo", "minio-root") are also object and user names
    private void assertNoSecretIn(List<String> logs) {
        MinioBindings.assertNoSecretIn(
                world,
                TEMPO_BINDING,
                logs,
                world.planted.stream().map(c -> c.secret().reveal()).toList(),
                "");
    }
}
