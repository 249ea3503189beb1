package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.RotationPhase;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.StepHook;
import dev.credrift.sandbox.emulate.rook.RookEmulator;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.logs.LogCapture;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 through the real handler (real Kafka, the mock API server, the S3 stand-in, the sandbox's Rook emulator):
 * one on-demand rotation of a Rook user that takes its keys from {@code spec.keys}. credrift writes the new key to a
 * Secret it owns and appends it to the list; Rook adds it to the store; both keys are accepted while Loki rolls (once);
 * then the old entry is dropped, Rook removes the key and the store refuses it; the operator's Secret is kept; status
 * says Completed; no secret appears anywhere.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RotationRookIT {

    private ItWorld world;
    private RookEmulator rook;
    private Credential oldKey;

    @BeforeEach
    void startWorld(KafkaBroker kafka) throws Exception {
        world = ItWorld.start(kafka);
        oldKey = world.story1(spec -> spec.authority(Authority.VAULT));
        RookSpecKeysUser.create(world, Optional.of(oldKey));
        rook = new RookEmulator(world.client, world.store, world.store.endpoint());
        rook.start();
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(ItWorld.NS)
                .withName(ItWorld.BINDING)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"rotation\":{\"every\":\"720h\",\"revokeAfter\":\"2s\"}}}");
    }

    @AfterEach
    void stopWorld() throws Exception {
        rook.close();
        world.close();
    }

    @Test
    void shouldAddTheNewKeyToSpecKeysThenDropTheOldWhenARookUserIsRotated() {
        List<List<Optional<String>>> atRollout = new CopyOnWriteArrayList<>();
        StepHook overlap = (point, binding, index, kind) -> {
            if (point == StepHook.Point.AFTER_ACTION && kind == StepKind.ROLL_OUT) {
                atRollout.add(world.store.keys(ItWorld.USER).stream()
                        .map(k -> world.store.refusal(k, ItWorld.BUCKET))
                        .toList());
            }
            return Future.succeededFuture();
        };
        List<String> logs;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            Reconciler reconciler = world.deploy(overlap);
            world.nudge(ItWorld.LOKI);
            await().atMost(60, TimeUnit.SECONDS).until(() -> inSync(world.status(ItWorld.LOKI)));

            world.client
                    .resources(CredentialBinding.class)
                    .inNamespace(ItWorld.NS)
                    .withName(ItWorld.BINDING)
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"metadata\":{\"annotations\":{\"credrift.dev/rotate-now\":\"tok-rook\"}}}");
            world.nudge(ItWorld.LOKI);
            await().atMost(80, TimeUnit.SECONDS).until(() -> {
                CredentialBindingStatus s = world.status(ItWorld.LOKI);
                return s != null && s.rotation() != null && s.rotation().phase() == RotationPhase.COMPLETED;
            });
            world.awaitIdle(reconciler);
            logs = capture.linesExcept(ItWorld.WORLD_SIDE);
        }

        // the store: only the new key, accepted; the old one refused
        List<Credential> now = world.store.keys(ItWorld.USER);
        assertThat(now).singleElement().satisfies(k -> {
            assertThat(k.accessKeyId()).isNotEqualTo(oldKey.accessKeyId());
            assertThat(world.store.refusal(k, ItWorld.BUCKET)).isEmpty();
        });
        assertThat(world.store.refusal(oldKey, ItWorld.BUCKET)).contains("InvalidAccessKeyId");
        assertThat(atRollout).as("keys judged at the rollout").isNotEmpty();
        assertThat(atRollout.get(0))
                .as("old and new listed side by side, both accepted")
                .hasSize(2)
                .containsOnly(Optional.empty());
        assertThat(world.kubelet.rollouts(ItWorld.NS, "loki")).isEqualTo(1);

        // spec.keys names credrift's Secret only; that Secret is credrift's; the operator's Secret is kept
        assertThat(RookSpecKeysUser.specKeys(world))
                .singleElement()
                .satisfies(entry -> assertThat(((Map<?, ?>) ((Map<?, ?>) entry).get("accessKeyRef")).get("name"))
                        .asString()
                        .startsWith("credrift-loki-"));
        List<Secret> owned = world.client
                .secrets()
                .inNamespace(ItWorld.ROOK_NS)
                .withLabel("app.kubernetes.io/managed-by", "credrift")
                .list()
                .getItems();
        assertThat(owned)
                .singleElement()
                .satisfies(s -> assertThat(s.getMetadata().getOwnerReferences())
                        .singleElement()
                        .satisfies(o -> assertThat(o.getKind()).isEqualTo("CephObjectStoreUser")));
        assertThat(world.client
                        .secrets()
                        .inNamespace(ItWorld.ROOK_NS)
                        .withName(RookSpecKeysUser.INITIAL_KEY)
                        .get())
                .isNotNull();

        // status, events, audit
        CredentialBindingStatus status = world.status(ItWorld.LOKI);
        assertThat(status.rotation().lastRequest()).isEqualTo("tok-rook");
        assertThat(world.outcomes(RotationStepFinished.class))
                .extracting(RotationStepFinished::step)
                .containsExactly(RotationStepKind.values());
        assertThat(world.outcomes(RotationCompleted.class)).hasSize(1);
        assertThat(world.audit())
                .extracting(AuditRecord::action)
                .containsOnlyOnce("ROTATION_KEY_MINTED", "ROTATION_KEY_REVOKED");

        MinioBindings.assertNoSecretIn(
                world,
                ItWorld.LOKI,
                logs,
                List.of(oldKey, now.get(0)).stream()
                        .map(k -> k.secret().reveal())
                        .toList(),
                "\"newKey\"");
    }

    private static boolean inSync(CredentialBindingStatus status) {
        return status != null
                && status.condition(ConditionType.IN_SYNC).map(c -> c.isTrue()).orElse(false);
    }
}
