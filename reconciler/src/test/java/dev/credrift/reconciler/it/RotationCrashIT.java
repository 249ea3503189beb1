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
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.StepHook;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.minio.MinioStandIn;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17's crash-safety through the real handler (real Kafka, the mock API server, the MinIO stand-in's admin API):
 * one world, one MinIO rotation per journaled step. Each rotation's reconciler is frozen right after the step's
 * completion was acknowledged in the journal (as by a crash: nothing after it happens) and stopped; a second one takes
 * over. Every rotation must end as one without a crash: exactly one new service account (never a third key), the old
 * one deleted and its key refused, the new one accepted and in the vault, one rollout of Tempo, one
 * {@code rotation.started} and one {@code rotation.completed}, each step reported, the mint and the revoke audited
 * once, credrift's staged key Secret gone.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RotationCrashIT {

    private static final String BINDING = MinioBindings.TEMPO_S3;
    private static final BindingId TEMPO_BINDING = MinioBindings.TEMPO_BINDING;

    private ItWorld world;
    private MinioStandIn minio;
    private Credential current;

    @BeforeAll
    void startWorld(KafkaBroker kafka) throws Exception {
        world = ItWorld.start(kafka);
        minio = MinioBindings.startMinio(world);
        current = MinioBindings.oldTempoKey(world);
        MinioBindings.tempo(world, minio, BINDING, current, RotationStepKind.values().length + 1);
        Reconciler first = world.deploy();
        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.status(TEMPO_BINDING) != null
                        && world.status(TEMPO_BINDING)
                                .condition(ConditionType.IN_SYNC)
                                .map(c -> c.isTrue())
                                .orElse(false));
        world.awaitIdle(first);
        world.stop(first);
    }

    @AfterAll
    void stopWorld() throws Exception {
        minio.close();
        world.close();
    }

    @ParameterizedTest(name = "crash after {0}")
    @EnumSource(RotationStepKind.class)
    void shouldEndWithOneNewKeyAndOneRolloutWhenTheReconcilerCrashesAfterAStep(RotationStepKind step) {
        String token = "crash-after-" + step;
        int rolloutsBefore = world.rollouts(MinioBindings.TEMPO);
        Credential old = current;
        CompletableFuture<Void> crashed = new CompletableFuture<>();
        Reconciler first = world.deploy(new CrashAfter(token, step, crashed));
        MinioBindings.askForRotation(world, BINDING, token);
        world.nudge(TEMPO_BINDING);
        await().atMost(60, TimeUnit.SECONDS).until(crashed::isDone);
        world.stop(first);

        Reconciler second = world.deploy();
        world.nudge(TEMPO_BINDING);
        awaitCompleted(token);
        world.awaitIdle(second);
        world.stop(second);

        // the store: one service account, new, accepted; the old key refused
        List<Credential> keys = MinioBindings.serviceAccountKeys(world, minio);
        assertThat(keys).as("MinIO's service accounts").singleElement().satisfies(k -> {
            assertThat(k.accessKeyId()).isNotEqualTo(old.accessKeyId());
            assertThat(world.store.refusal(k, ItWorld.BUCKET)).isEmpty();
        });
        Credential fresh = world.plant(keys.get(0));
        assertThat(world.store.refusal(old, ItWorld.BUCKET)).contains("InvalidAccessKeyId");
        assertThat(world.onePassword
                        .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                        .reveal())
                .isEqualTo(fresh.accessKeyId());
        assertThat(world.rollouts(MinioBindings.TEMPO)).as("rollouts of Tempo").isEqualTo(rolloutsBefore + 1);
        assertThat(world.client
                        .secrets()
                        .inNamespace(ItWorld.NS)
                        .withLabel("app.kubernetes.io/managed-by", "credrift")
                        .list()
                        .getItems())
                .as("credrift's staged key Secret, deleted with the revoke")
                .isEmpty();

        // one rotation, every step reported, started and completed once, mint and revoke audited once
        String rotationId = world.status(TEMPO_BINDING).rotation().rotationId();
        assertThat(world.outcomes(RotationStarted.class))
                .filteredOn(s -> s.rotationId().equals(rotationId))
                .hasSize(1);
        assertThat(world.outcomes(RotationCompleted.class))
                .filteredOn(c -> c.rotationId().equals(rotationId))
                .hasSize(1);
        assertThat(world.outcomes(RotationStepFinished.class))
                .filteredOn(s -> s.rotationId().equals(rotationId))
                .extracting(RotationStepFinished::step)
                .containsAll(List.of(RotationStepKind.values()));
        assertThat(world.audit())
                .filteredOn(a -> rotationId.equals(a.correlationId()))
                .extracting(AuditRecord::action)
                .containsOnlyOnce("ROTATION_KEY_MINTED", "ROTATION_KEY_REVOKED");
        current = fresh;
    }

    // on a timeout, say where the rotation stood (status carries no key material)
    private void awaitCompleted(String token) {
        try {
            await().atMost(90, TimeUnit.SECONDS).until(() -> {
                CredentialBindingStatus s = world.status(TEMPO_BINDING);
                return s != null
                        && s.rotation() != null
                        && token.equals(s.rotation().lastRequest())
                        && s.rotation().phase() == RotationPhase.COMPLETED;
            });
        } catch (ConditionTimeoutException e) {
            CredentialBindingStatus s = world.status(TEMPO_BINDING);
            throw new AssertionError(
                    "not Completed: rotation " + (s == null ? null : s.rotation()) + ", service accounts "
                            + minio.serviceAccounts().size(),
                    e);
        }
    }

    /** Freezes the reconciler once the journal acknowledged {@code step}'s completion in the rotation for {@code token}. */
    private record CrashAfter(String token, RotationStepKind step, CompletableFuture<Void> crashed)
            implements StepHook {

        @Override
        public Future<Void> at(Point point, BindingId binding, int stepIndex, StepKind kind) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> afterJournal(JournalEntry entry) {
            boolean after = entry.rotationJournal()
                    .filter(j -> token.equals(j.request()))
                    .flatMap(RotationJournal::last)
                    .filter(r -> r.step() == step && r.phase() == RotationJournal.Phase.COMPLETED)
                    .isPresent();
            if (!after) {
                return Future.succeededFuture();
            }
            crashed.complete(null);
            return Promise.<Void>promise().future(); // frozen here, as by a crash
        }
    }
}
