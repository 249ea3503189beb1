package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static dev.credrift.reconciler.it.ItWorld.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.spec.ConsumerRef;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.api.status.ConditionType;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.reconciler.Reconciler;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, findings 6 and 7: states that leave consumers broken are reported where users look — the binding's
 * condition, an outcome event (which the notifier turns into a Slack / webhook alert) — once per state, not at every
 * resync.
 */
class BrokenConsumersAlertIT extends OnItWorld {

    private static final String PAUSED_TEXT =
            "Deployment monitoring/loki-read is paused: not rolled; resume it or" + " restart its pods";

    @Test
    void shouldSayConsumerPausedInTheConditionAndTheOutcomeWhenAPausedDeploymentKeepsTheOldKey() {
        world.story1(spec -> spec.consumers(List.of(
                new ConsumerRef(WorkloadKind.STATEFUL_SET, "loki"),
                new ConsumerRef(WorkloadKind.DEPLOYMENT, "loki-read"))));
        pausedDeployment("loki-read", Instant.now().minus(Duration.ofMinutes(30)));
        Reconciler reconciler = world.deploy();
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationFailed.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("CONSUMER_PAUSED");
            // a permanent failure also says when it will be tried again (only on new evidence)
            assertThat(f.detail())
                    .startsWith(PAUSED_TEXT)
                    .endsWith("not tried again until the spec or a hop's credential changes");
            assertThat(f.willRetry()).isFalse();
        });
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.message())
                        .contains("CONSUMER_PAUSED: " + PAUSED_TEXT)
                        .doesNotContain("starting"));

        // the failure was the alert: resyncs that find the same state say nothing more
        world.nudge(LOKI);
        world.nudge(LOKI);
        world.awaitCommitted();
        world.awaitIdle(reconciler);
        assertThat(world.outcomes(RemediationFailed.class)).hasSize(1);
        assertThat(world.outcomes(AttentionRequired.class)).isEmpty();
        assertThat(world.rollouts("loki")).isEqualTo(1);
    }

    @Test
    void shouldAlertOnceWhenTheVaultItemLacksAField() {
        // story 1, but someone renamed a field: the item has an access key and no secret_key
        Credential key = world.storeUser(ItWorld.USER);
        world.rookSecret(key);
        world.onePassword.createVault(ItWorld.VAULT);
        world.onePassword.putItem(
                ItWorld.VAULT,
                ItWorld.ITEM,
                Map.of("access_key", key.accessKeyId(), "secret", key.secret().reveal()));
        world.externalSecret(ItWorld.ES, "1h", null);
        world.replica(key);
        world.statefulSet("loki", 1, ItWorld.aSecondLater());
        world.binding(ItWorld.BINDING, spec -> spec);
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(AttentionRequired.class).isEmpty());
        world.nudge(LOKI);
        world.nudge(LOKI);
        world.awaitCommitted();
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(AttentionRequired.class)).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo(AttentionRequired.Reason.VAULT_UNREADABLE);
            assertThat(a.detail()).contains(ItWorld.ITEM).contains("secret_key");
        });
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("VaultUnreadable"));
        assertThat(world.audit()).anySatisfy(r -> assertThat(r.action()).isEqualTo("ATTENTION_REQUIRED"));
        String detail = world.outcomes(AttentionRequired.class).get(0).detail();
        assertThat(ItWorld.secretsOf(world.planted))
                .allSatisfy(secret -> assertThat(detail).doesNotContain(secret));
    }

    /** A paused Deployment reading the replica through env, with one ready pod started at {@code started}. */
    private void pausedDeployment(String name, Instant started) {
        Deployment deployment = world.client
                .apps()
                .deployments()
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name)
                        .endMetadata()
                        .withNewSpec()
                        .withPaused(true)
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", name)
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", name)
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("loki")
                        .withImage("grafana/loki:3.5")
                        .addNewEnvFrom()
                        .withNewSecretRef()
                        .withName(ItWorld.ES)
                        .endSecretRef()
                        .endEnvFrom()
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        String hash = "7d4f9c";
        String at = started.truncatedTo(ChronoUnit.SECONDS).toString();
        world.client
                .pods()
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name + "-" + hash + "-x1pq2")
                        .addToLabels("app", name)
                        .addToLabels("pod-template-hash", hash)
                        .addNewOwnerReference()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName(name + "-" + hash)
                        .withUid("rs-" + hash)
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .withSpec(deployment.getSpec().getTemplate().getSpec())
                        .withNewStatus()
                        .withPhase("Running")
                        .withStartTime(at)
                        .addNewCondition()
                        .withType("Ready")
                        .withStatus("True")
                        .endCondition()
                        .addNewContainerStatus()
                        .withName("loki")
                        .withReady(true)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewRunning()
                        .withStartedAt(at)
                        .endRunning()
                        .endState()
                        .endContainerStatus()
                        .endStatus()
                        .build())
                .create();
        world.client
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        world.client
                                .getKubernetesSerialization()
                                .asJson(Map.of(
                                        "status",
                                        Map.of(
                                                "observedGeneration",
                                                deployment.getMetadata().getGeneration(),
                                                "replicas",
                                                1,
                                                "readyReplicas",
                                                1,
                                                "updatedReplicas",
                                                1))));
    }
}
