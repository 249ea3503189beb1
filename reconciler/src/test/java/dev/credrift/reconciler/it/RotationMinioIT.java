package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.RotationPhase;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.logs.LogCapture;
import dev.credrift.sandbox.minio.MinioStandIn;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 through the real handler (real Kafka, the mock API server, the MinIO stand-in's admin API): one on-demand
 * rotation of a MinIO service account. Both keys are accepted while the consumers roll, Tempo rolls once, the old
 * service account is deleted and its key refused, the new one accepted; status says Completed; the events and the
 * mint/revoke audit records are there; neither secret appears anywhere.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RotationMinioIT {

    private static final String BINDING = MinioBindings.TEMPO_S3;
    private static final BindingId TEMPO_BINDING = MinioBindings.TEMPO_BINDING;
    private static final String TEMPO = MinioBindings.TEMPO;

    private ItWorld world;
    private MinioStandIn minio;
    private Credential oldKey;

    @BeforeEach
    void startWorld(KafkaBroker kafka) throws Exception {
        world = ItWorld.start(kafka);
        minio = MinioBindings.startMinio(world);
        oldKey = MinioBindings.oldTempoKey(world);
    }

    @AfterEach
    void stopWorld() throws Exception {
        minio.close();
        world.close();
    }

    @Test
    void shouldMoveEveryHopToANewServiceAccountThenRevokeTheOldWhenARotationIsAskedFor() {
        // while the consumers roll, both keys must be accepted (the overlap)
        Overlap overlap = new Overlap(world, () -> MinioBindings.serviceAccountKeys(world, minio));
        List<String> logs;
        Reconciler reconciler;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            MinioBindings.tempo(world, minio, BINDING, oldKey, 3);
            reconciler = world.deploy(overlap);
            world.nudge(TEMPO_BINDING);
            await().atMost(60, TimeUnit.SECONDS).until(() -> inSync(world.status(TEMPO_BINDING)));

            MinioBindings.askForRotation(world, BINDING, "tok-1");
            world.nudge(TEMPO_BINDING);
            await().atMost(90, TimeUnit.SECONDS).until(() -> {
                CredentialBindingStatus s = world.status(TEMPO_BINDING);
                return s != null && s.rotation() != null && s.rotation().phase() == RotationPhase.COMPLETED;
            });
            world.awaitIdle(reconciler);
            logs = capture.linesExcept(ItWorld.WORLD_SIDE);
        }

        // MinIO: one new service account, the old one gone; the store refuses the old key and accepts the new
        List<Credential> now = MinioBindings.serviceAccountKeys(world, minio);
        assertThat(minio.serviceAccounts())
                .singleElement()
                .satisfies(a -> assertThat(a.accessKey()).isNotEqualTo(oldKey.accessKeyId()));
        assertThat(now)
                .singleElement()
                .satisfies(
                        k -> assertThat(world.store.refusal(k, ItWorld.BUCKET)).isEmpty());
        assertThat(world.store.refusal(oldKey, ItWorld.BUCKET)).contains("InvalidAccessKeyId");
        assertThat(overlap.atRollout())
                .as("keys judged at the rollout")
                .isNotEmpty()
                .allSatisfy(verdicts -> assertThat(verdicts).containsOnly(Optional.empty()));
        assertThat(overlap.atRollout().get(0)).hasSize(2); // old and new listed side by side
        assertThat(world.client
                        .secrets()
                        .inNamespace(ItWorld.NS)
                        .withLabel("app.kubernetes.io/managed-by", "credrift")
                        .list()
                        .getItems())
                .as("the staged key Secret is deleted with the revoke")
                .isEmpty();
        assertThat(world.rollouts(TEMPO)).isEqualTo(1);

        // status, events, audit
        CredentialBindingStatus status = world.status(TEMPO_BINDING);
        assertThat(status.rotation().lastRequest()).isEqualTo("tok-1");
        assertThat(status.rotation().newKey().accessKeyId())
                .doesNotContain(now.get(0).accessKeyId());
        assertThat(inSync(status)).isTrue();
        assertThat(world.outcomes(RotationStarted.class)).singleElement().satisfies(s -> {
            assertThat(s.dryRun()).isFalse();
            assertThat(s.trigger()).isEqualTo(RotationStarted.Trigger.ON_DEMAND);
        });
        assertThat(world.outcomes(RotationStepFinished.class))
                .extracting(RotationStepFinished::step)
                .containsExactly(RotationStepKind.values());
        assertThat(world.outcomes(RotationCompleted.class)).hasSize(1);
        assertThat(world.audit())
                .extracting(AuditRecord::action)
                .containsOnlyOnce("ROTATION_KEY_MINTED", "ROTATION_KEY_REVOKED");

        // asked again with the same token, nudged: nothing more is minted or rolled
        world.nudge(TEMPO_BINDING);
        world.awaitIdle(reconciler);
        assertThat(world.outcomes(RotationStarted.class)).hasSize(1);
        assertThat(world.rollouts(TEMPO)).isEqualTo(1);

        MinioBindings.assertNoSecretIn(
                world,
                TEMPO_BINDING,
                logs,
                List.of(oldKey, now.get(0), minio.root()).stream()
                        .map(k -> k.secret().reveal())
                        .toList(),
                "\"newKey\"");
    }

    @Test
    void shouldHaltKeepingTheOldKeyWhenTheConsumersFailOnTheNewOne() {
        MinioBindings.tempo(world, minio, BINDING, oldKey, 3);
        Reconciler reconciler = world.deploy();
        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS).until(() -> inSync(world.status(TEMPO_BINDING)));

        // Tempo will not come up on the new key: the readiness gate (20 s) fails and the binding halts
        world.workloads.neverReady(ItWorld.set(TEMPO));
        MinioBindings.askForRotation(world, BINDING, "tok-bad");
        world.nudge(TEMPO_BINDING);
        await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).until(() -> {
            CredentialBindingStatus s = world.status(TEMPO_BINDING);
            return s != null && s.rotation() != null && s.rotation().phase() == RotationPhase.HALTED;
        });
        world.awaitIdle(reconciler);

        assertThat(MinioBindings.haltedOnTheReadinessGate(world))
                .contains("the old key stays valid and nothing is revoked")
                .contains("the vault keeps the new key (not rolled back: MinIO does not return the old key's secret)");
        assertThat(world.outcomes(RotationCompleted.class)).isEmpty();
        // nothing revoked: the old service account is still there and the store still accepts its key
        assertThat(minio.serviceAccounts())
                .anySatisfy(a -> assertThat(a.accessKey()).isEqualTo(oldKey.accessKeyId()));
        assertThat(world.store.refusal(oldKey, ItWorld.BUCKET)).isEmpty();
        assertThat(world.audit()).extracting(AuditRecord::action).doesNotContain("ROTATION_KEY_REVOKED");
        assertThat(world.outcomes(RotationStepFinished.class))
                .extracting(RotationStepFinished::step)
                .doesNotContain(RotationStepKind.REVOKE, RotationStepKind.PROVE_OLD_REFUSED);
    }

    private static boolean inSync(CredentialBindingStatus status) {
        return status != null
                && status.condition(ConditionType.IN_SYNC).map(c -> c.isTrue()).orElse(false);
    }
}
