package dev.credrift.sandbox.emulate.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.ManualScheduler;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadEmulatorIT {

    private static final String NS = "monitoring";
    private static final String SECRET = "loki-s3-credentials";
    private static final WorkloadRef LOKI = new WorkloadRef(NS, WorkloadKind.STATEFUL_SET, "loki");

    private MockKubernetes kube;
    private KubernetesClient client;
    private S3StoreStandIn store;
    private ManualScheduler time;
    private WorkloadEmulator emulator;
    private Credential original;

    @BeforeEach
    void startWorld() {
        kube = MockKubernetes.start();
        client = kube.client();
        store = S3StoreStandIn.startHttp();
        store.createBucket("loki-chunks");
        original = store.addUser("loki");
        writeReplica(original);
        time = new ManualScheduler();
        emulator = new WorkloadEmulator(
                client,
                time.clock(),
                Optional.of(new S3ListProbe(
                        store.endpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(5))),
                WorkloadSettings.kubernetesDefaults());
    }

    @AfterEach
    void stopWorld() {
        emulator.close();
        store.close();
        kube.close();
    }

    @Test
    void shouldStartStatefulSetPodsInOrdinalOrderAndReportReadyWhenTheStoreAcceptsTheirKeys() {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .resource(statefulSet("loki", 2, null))
                .create();

        emulator.syncOnce();
        assertThat(podNames()).containsExactly("loki-0");
        emulator.syncUntilSettled(20);

        assertThat(podNames()).containsExactly("loki-0", "loki-1");
        StatefulSet set =
                client.apps().statefulSets().inNamespace(NS).withName("loki").get();
        assertThat(set.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(set.getStatus().getObservedGeneration())
                .isEqualTo(set.getMetadata().getGeneration());
        Pod pod = client.pods().inNamespace(NS).withName("loki-0").get();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(pod.getMetadata().getLabels())
                .containsKeys("controller-revision-hash", "statefulset.kubernetes.io/pod-name");
        assertThat(pod.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("StatefulSet");
        assertThat(emulator.pods(LOKI))
                .allSatisfy(p -> assertThat(p.credential()).contains(original));
    }

    @Test
    void shouldKeepStaleEnvKeysAndGoUnreadyWhenTheStoreRotatesUntilThePodIsDeleted() {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .resource(statefulSet("loki", 1, "Parallel"))
                .create();
        emulator.syncUntilSettled(20);
        assertThat(emulator.pods(LOKI))
                .singleElement()
                .satisfies(p -> assertThat(p.ready()).isTrue());

        Credential rotated = store.rotate("loki");
        writeReplica(rotated);
        time.advance(Duration.ofSeconds(11));
        emulator.syncUntilSettled(20);

        PodHealth stale = emulator.pods(LOKI).get(0);
        assertThat(stale.ready()).isFalse();
        assertThat(stale.credential()).contains(original);
        assertThat(stale.rejectionCode()).contains("InvalidAccessKeyId");
        Pod pod = client.pods().inNamespace(NS).withName("loki-0").get();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getRunning())
                .isNotNull();

        client.pods().inNamespace(NS).withName("loki-0").delete();
        emulator.syncUntilSettled(20);

        PodHealth fresh = emulator.pods(LOKI).get(0);
        assertThat(fresh.ready()).isTrue();
        assertThat(fresh.credential()).contains(rotated);
        assertThat(emulator.podsDeletedByOthers(LOKI)).isEqualTo(1);
        assertThat(emulator.rollouts(LOKI)).isZero();
    }

    @Test
    void shouldNotRollAnOrderedReadyStatefulSetWhilePodsAreUnreadyWhenRestarted() {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .resource(statefulSet("loki", 2, null))
                .create();
        emulator.syncUntilSettled(20);
        writeReplica(store.rotate("loki"));
        time.advance(Duration.ofSeconds(11));
        emulator.syncUntilSettled(20);
        List<String> before = podUids();

        restart("loki");
        emulator.syncUntilSettled(20);

        assertThat(podUids()).isEqualTo(before);
        assertThat(emulator.rollouts(LOKI)).isEqualTo(1);
        assertThat(client.apps()
                        .statefulSets()
                        .inNamespace(NS)
                        .withName("loki")
                        .get()
                        .getStatus()
                        .getUpdatedReplicas())
                .isZero();
    }

    @Test
    void shouldRollFromTheHighestOrdinalOneAtATimeWhenATemplateChangesOnHealthyPods() {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .resource(statefulSet("loki", 2, null))
                .create();
        emulator.syncUntilSettled(20);
        String loki0 = uidOf("loki-0");
        String loki1 = uidOf("loki-1");

        restart("loki");
        emulator.syncOnce();

        assertThat(podNames()).containsExactly("loki-0");
        assertThat(uidOf("loki-0")).isEqualTo(loki0);
        emulator.syncUntilSettled(30);

        assertThat(uidOf("loki-0")).isNotEqualTo(loki0);
        assertThat(uidOf("loki-1")).isNotEqualTo(loki1);
        StatefulSet set =
                client.apps().statefulSets().inNamespace(NS).withName("loki").get();
        assertThat(set.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(set.getStatus().getCurrentRevision())
                .isEqualTo(set.getStatus().getUpdateRevision());
        assertThat(emulator.rollouts(LOKI)).isEqualTo(1);
    }

    @Test
    void shouldCrashLoopAndPickUpTheFixedSecretAtTheNextContainerStartWhenConfiguredLikeTempo() {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .resource(new StatefulSetBuilder(statefulSet("tempo", 1, null))
                        .editMetadata()
                        .addToAnnotations(ConsumerBehaviour.ON_AUTH_FAILURE, "CrashLoop")
                        .endMetadata()
                        .build())
                .create();
        writeReplica(Credential.of("tempo", "supersecret"));
        emulator.syncUntilSettled(20);
        WorkloadRef tempo = new WorkloadRef(NS, WorkloadKind.STATEFUL_SET, "tempo");

        assertThat(emulator.pods(tempo)).singleElement().satisfies(p -> {
            assertThat(p.ready()).isFalse();
            assertThat(p.restartCount()).isEqualTo(1);
            assertThat(p.rejectionCode()).contains("InvalidAccessKeyId");
        });
        Pod pod = client.pods().inNamespace(NS).withName("tempo-0").get();
        assertThat(pod.getStatus()
                        .getContainerStatuses()
                        .get(0)
                        .getState()
                        .getWaiting()
                        .getReason())
                .isEqualTo("CrashLoopBackOff");

        store.addUser("tempo-sa", "tempo", "supersecret");
        time.advance(Duration.ofSeconds(10));
        emulator.syncUntilSettled(20);

        assertThat(emulator.pods(tempo)).singleElement().satisfies(p -> {
            assertThat(p.ready()).isTrue();
            assertThat(p.restartCount()).isEqualTo(1);
        });
    }

    @Test
    void shouldReplaceDeploymentPodsThroughANewReplicaSetWhenRestartedButNotWhenPaused() {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("querier")
                        .withNamespace(NS)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(2)
                        .withNewSelector()
                        .addToMatchLabels("app", "querier")
                        .endSelector()
                        .withTemplate(template("querier"))
                        .endSpec()
                        .build())
                .create();
        emulator.syncUntilSettled(30);
        WorkloadRef querier = new WorkloadRef(NS, WorkloadKind.DEPLOYMENT, "querier");
        List<PodHealth> first = emulator.pods(querier);
        assertThat(first).hasSize(2).allSatisfy(p -> {
            assertThat(p.ready()).isTrue();
            assertThat(p.name()).matches("querier-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}");
        });

        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("querier")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        restartDeployment("querier");
        emulator.syncUntilSettled(30);
        assertThat(emulator.pods(querier))
                .extracting(PodHealth::uid)
                .containsExactlyInAnyOrderElementsOf(
                        first.stream().map(PodHealth::uid).toList());

        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("querier")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":false}}");
        emulator.syncUntilSettled(40);

        List<PodHealth> second = emulator.pods(querier);
        assertThat(second).hasSize(2).allSatisfy(p -> assertThat(p.ready()).isTrue());
        assertThat(second)
                .extracting(PodHealth::uid)
                .doesNotContainAnyElementsOf(first.stream().map(PodHealth::uid).toList());
        assertThat(client.apps().replicaSets().inNamespace(NS).list().getItems())
                .hasSize(2);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("querier")
                        .get()
                        .getStatus()
                        .getUpdatedReplicas())
                .isEqualTo(2);
        assertThat(emulator.rollouts(querier)).isEqualTo(1);
    }

    @Test
    void shouldReportCreateContainerConfigErrorWhenTheReplicaSecretIsMissing() {
        client.secrets().inNamespace(NS).withName(SECRET).delete();
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .resource(statefulSet("loki", 1, null))
                .create();

        emulator.syncUntilSettled(20);

        Pod pod = client.pods().inNamespace(NS).withName("loki-0").get();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getStatus()
                        .getContainerStatuses()
                        .get(0)
                        .getState()
                        .getWaiting()
                        .getReason())
                .isEqualTo("CreateContainerConfigError");
        assertThat(emulator.pod(NS, "loki-0").orElseThrow().startFailure())
                .contains("secret \"" + SECRET + "\" not found");
    }

    private StatefulSet statefulSet(String name, int replicas, String policy) {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .addToAnnotations(ConsumerBehaviour.PROBE_BUCKET, "loki-chunks")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName(name)
                .withPodManagementPolicy(policy)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withTemplate(template(name))
                .endSpec()
                .build();
    }

    private static PodTemplateSpec template(String app) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .addToLabels("app", app)
                .addToAnnotations(ConsumerBehaviour.PROBE_BUCKET, "loki-chunks")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(app)
                .withImage("grafana/" + app + ":3.0.0")
                .addNewEnv()
                .withName("AWS_ACCESS_KEY_ID")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(SECRET)
                .withKey("AWS_ACCESS_KEY_ID")
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("AWS_SECRET_ACCESS_KEY")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(SECRET)
                .withKey("AWS_SECRET_ACCESS_KEY")
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .endContainer()
                .endSpec()
                .build();
    }

    private void writeReplica(Credential credential) {
        client.secrets()
                .inNamespace(NS)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(SECRET)
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of(
                                "AWS_ACCESS_KEY_ID",
                                b64(credential.accessKeyId()),
                                "AWS_SECRET_ACCESS_KEY",
                                b64(credential.secret().reveal())))
                        .build())
                .createOr(existing -> existing.update());
    }

    private void restart(String statefulSet) {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .withName(statefulSet)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
                                + time.clock().instant() + "\"}}}}}");
    }

    private void restartDeployment(String deployment) {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(deployment)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
                                + time.clock().instant() + "\"}}}}}");
    }

    private List<String> podNames() {
        return client.pods().inNamespace(NS).list().getItems().stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
    }

    private List<String> podUids() {
        return client.pods().inNamespace(NS).list().getItems().stream()
                .map(p -> p.getMetadata().getUid())
                .sorted()
                .toList();
    }

    private String uidOf(String pod) {
        return client.pods().inNamespace(NS).withName(pod).get().getMetadata().getUid();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
