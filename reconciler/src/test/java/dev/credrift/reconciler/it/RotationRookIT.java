package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.RotationPhase;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.sandbox.emulate.rook.RookEmulator;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.logs.LogCapture;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 through the real handler (real Kafka, the mock API server, the S3 stand-in, the sandbox's Rook emulator):
 * one on-demand rotation of a Rook user that takes its keys from {@code spec.keys}. credrift writes the new key to a
 * Secret it owns and appends it to the list; Rook adds it to the store; both keys are accepted while Loki rolls (once);
 * then the old entry is dropped, Rook removes the key and the store refuses it; the operator's Secret is kept; status
 * says Completed; no secret appears anywhere. And a restart while Rook has not added the new key yet resumes from
 * credrift's Secret: no third key, one rollout. And consumers that fail on the new key: the vault gets the old key
 * back, nothing is revoked, and once the halt is cleared the consumers end on the old key.
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
        patchBinding("{\"spec\":{\"rotation\":{\"every\":\"720h\",\"revokeAfter\":\"2s\"}}}");
    }

    @AfterEach
    void stopWorld() throws Exception {
        rook.close();
        world.close();
    }

    @Test
    void shouldAddTheNewKeyToSpecKeysThenDropTheOldWhenARookUserIsRotated() {
        Overlap overlap = new Overlap(world, () -> world.store.keys(ItWorld.USER));
        rook.start();
        List<String> logs;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            Reconciler reconciler = world.deploy(overlap);
            world.nudge(ItWorld.LOKI);
            await().atMost(60, TimeUnit.SECONDS).until(() -> inSync(world.status(ItWorld.LOKI)));

            askForRotation("tok-rook");
            awaitCompleted();
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
        assertThat(overlap.atRollout()).as("keys judged at the rollout").isNotEmpty();
        assertThat(overlap.atRollout().get(0))
                .as("old and new listed side by side, both accepted")
                .hasSize(2)
                .containsOnly(Optional.empty());
        assertThat(world.rollouts("loki")).isEqualTo(1);

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

    @Test
    void shouldResumeWithoutAThirdKeyWhenTheReconcilerRestartsBeforeRookAddsTheNewKey() {
        // Rook is slow here: it adds credrift's key only after the reconciler that minted it is gone
        Reconciler first = world.deploy();
        world.nudge(ItWorld.LOKI);
        await().atMost(60, TimeUnit.SECONDS).until(() -> inSync(world.status(ItWorld.LOKI)));
        askForRotation("tok-crash");
        await().atMost(30, TimeUnit.SECONDS).until(() -> phase(RotationPhase.PROBING_NEW));
        world.stop(first);

        rook.start();
        Reconciler second = world.deploy();
        world.nudge(ItWorld.LOKI);
        awaitCompleted();
        world.awaitIdle(second);

        assertThat(world.store.keys(ItWorld.USER)).singleElement().satisfies(k -> {
            assertThat(k.accessKeyId()).isNotEqualTo(oldKey.accessKeyId());
            assertThat(world.store.refusal(k, ItWorld.BUCKET)).isEmpty();
        });
        assertThat(world.store.refusal(oldKey, ItWorld.BUCKET)).contains("InvalidAccessKeyId");
        assertThat(world.client
                        .secrets()
                        .inNamespace(ItWorld.ROOK_NS)
                        .withLabel("app.kubernetes.io/managed-by", "credrift")
                        .list()
                        .getItems())
                .as("one key Secret minted, not a second after the restart")
                .hasSize(1);
        assertThat(RookSpecKeysUser.specKeys(world)).hasSize(1);
        assertThat(world.outcomes(RotationStepFinished.class))
                .extracting(RotationStepFinished::step)
                .containsOnlyOnce(RotationStepKind.MINT, RotationStepKind.PROBE_NEW, RotationStepKind.REVOKE);
        assertThat(world.audit())
                .extracting(AuditRecord::action)
                .containsOnlyOnce("ROTATION_KEY_MINTED", "ROTATION_KEY_REVOKED");
        assertThat(world.rollouts("loki")).isEqualTo(1);
    }

    @Test
    void shouldPutTheOldKeyBackIntoTheVaultWhenTheConsumersFailOnTheNewOne() {
        rook.start();
        List<String> logs;
        Credential fresh;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            Reconciler reconciler = world.deploy();
            world.nudge(ItWorld.LOKI);
            await().atMost(60, TimeUnit.SECONDS).until(() -> inSync(world.status(ItWorld.LOKI)));

            // Loki will not come up on the new key: the readiness gate (20 s) fails and the binding halts
            world.workloads.neverReady(ItWorld.set("loki"));
            askForRotation("tok-back");
            await().atMost(120, TimeUnit.SECONDS)
                    .pollInterval(1, TimeUnit.SECONDS)
                    .until(() -> phase(RotationPhase.HALTED));
            world.awaitIdle(reconciler);

            assertThat(MinioBindings.haltedOnTheReadinessGate(world))
                    .contains("READINESS_GATE_FAILED")
                    .contains("the vault holds the old key "
                            + AccessKeyMask.mask(oldKey.accessKeyId()).value() + " again and nothing is revoked");
            // the vault holds the old key again; nothing is revoked: both keys listed and accepted
            assertThat(world.onePassword
                            .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                            .reveal())
                    .isEqualTo(oldKey.accessKeyId());
            assertThat(world.onePassword.readField(ItWorld.VAULT, ItWorld.ITEM, "secret_key"))
                    .isEqualTo(oldKey.secret());
            assertThat(RookSpecKeysUser.specKeys(world)).hasSize(2);
            List<Credential> keys = world.store.keys(ItWorld.USER);
            assertThat(keys)
                    .hasSize(2)
                    .allSatisfy(k ->
                            assertThat(world.store.refusal(k, ItWorld.BUCKET)).isEmpty());
            fresh = keys.stream()
                    .filter(k -> !k.accessKeyId().equals(oldKey.accessKeyId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(replicaKeyId()).isEqualTo(fresh.accessKeyId());

            // a human fixes the pods and clears the halt: the ordinary remediation moves Loki back onto the old key
            world.workloads.readyAgain(ItWorld.set("loki"));
            world.clearHalt(ItWorld.BINDING);
            world.nudge(ItWorld.LOKI);
            await().atMost(90, TimeUnit.SECONDS)
                    .until(() -> inSync(world.status(ItWorld.LOKI))
                            && oldKey.accessKeyId().equals(replicaKeyId()));
            world.awaitIdle(reconciler);
            logs = capture.linesExcept(ItWorld.WORLD_SIDE);
        }

        assertThat(world.rollouts("loki")).as("onto the new key, then back").isEqualTo(2);
        assertThat(world.outcomes(RemediationSucceeded.class)).isNotEmpty();
        assertThat(phase(RotationPhase.HALTED)).as("the rotation stays halted").isTrue();
        assertThat(world.store.refusal(oldKey, ItWorld.BUCKET)).isEmpty();
        assertThat(world.audit()).extracting(AuditRecord::action).doesNotContain("ROTATION_KEY_REVOKED");
        assertThat(world.outcomes(RotationStepFinished.class))
                .extracting(RotationStepFinished::step)
                .doesNotContain(RotationStepKind.REVOKE, RotationStepKind.PROVE_OLD_REFUSED);
        MinioBindings.assertNoSecretIn(
                world,
                ItWorld.LOKI,
                logs,
                List.of(oldKey, fresh).stream().map(k -> k.secret().reveal()).toList(),
                "the vault holds the old key");
    }

    private String replicaKeyId() {
        Secret replica = world.client
                .secrets()
                .inNamespace(ItWorld.NS)
                .withName(ItWorld.ES)
                .get();
        return new String(
                Base64.getDecoder().decode(replica.getData().get("AWS_ACCESS_KEY_ID")), StandardCharsets.UTF_8);
    }

    private void askForRotation(String token) {
        patchBinding("{\"metadata\":{\"annotations\":{\"credrift.dev/rotate-now\":\"" + token + "\"}}}");
        world.nudge(ItWorld.LOKI);
    }

    private void patchBinding(String mergePatch) {
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(ItWorld.NS)
                .withName(ItWorld.BINDING)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    // on a timeout, say where the rotation stood (status carries no key material)
    private void awaitCompleted() {
        try {
            await().atMost(80, TimeUnit.SECONDS).until(() -> phase(RotationPhase.COMPLETED));
        } catch (ConditionTimeoutException e) {
            CredentialBindingStatus s = world.status(ItWorld.LOKI);
            throw new AssertionError(
                    "not Completed: rotation " + (s == null ? null : s.rotation()) + ", store keys "
                            + world.store.keys(ItWorld.USER).size() + ", spec.keys "
                            + RookSpecKeysUser.specKeys(world).size(),
                    e);
        }
    }

    private boolean phase(RotationPhase phase) {
        CredentialBindingStatus s = world.status(ItWorld.LOKI);
        return s != null && s.rotation() != null && s.rotation().phase() == phase;
    }

    private static boolean inSync(CredentialBindingStatus status) {
        return status != null
                && status.condition(ConditionType.IN_SYNC).map(c -> c.isTrue()).orElse(false);
    }
}
