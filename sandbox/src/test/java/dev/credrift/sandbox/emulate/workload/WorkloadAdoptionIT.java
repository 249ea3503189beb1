package dev.credrift.sandbox.emulate.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.emulate.ManualScheduler;
import dev.credrift.sandbox.kube.MockKubernetes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workload emulator in a world that begins mid-life: pods made before their StatefulSet are adopted as they are;
 * an unready old pod holds an OrderedReady rollout back; readiness faults make pods unready whatever the store says.
 */
class WorkloadAdoptionIT {

    private static final String NS = "monitoring";
    private static final WorkloadRef LOKI = WorkloadRef.statefulSet(NS, "loki");

    private MockKubernetes kube;
    private KubernetesClient client;
    private ManualScheduler time;
    private WorkloadEmulator emulator;

    @BeforeEach
    void startWorld() {
        kube = MockKubernetes.start();
        client = kube.client();
        time = new ManualScheduler();
        emulator = new WorkloadEmulator(client, time.clock(), Optional.empty(), WorkloadSettings.kubernetesDefaults());
    }

    @AfterEach
    void stopWorld() {
        emulator.close();
        kube.close();
    }

    @Test
    void shouldAdoptPodsMadeBeforeTheirSetWithoutReplacingThemWhenTheyCarryItsRevision() {
        Instant longAgo = time.clock().instant().minus(Duration.ofMinutes(30));
        String uid = midLife("Parallel", 2, longAgo, true);

        emulator.syncUntilSettled(20);

        Pod pod = client.pods().inNamespace(NS).withName("loki-0").get();
        assertThat(pod.getMetadata().getUid()).isEqualTo(uid);
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("StatefulSet");
            assertThat(o.getController()).isTrue();
        });
        assertThat(Instant.parse(pod.getStatus().getStartTime())).isEqualTo(longAgo.truncatedTo(ChronoUnit.SECONDS));
        assertThat(emulator.pods(LOKI))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.ready()).isTrue());
        assertThat(set().getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(emulator.rollouts(LOKI)).isZero();
    }

    @Test
    void shouldRefuseToRollPastAnUnreadyOldPodWhenOrderedReadyAndRollFromTheNewTemplateOnceItIsDeleted() {
        String uid = midLife("OrderedReady", 1, time.clock().instant(), false);
        emulator.syncUntilSettled(20);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isFalse());

        restart();
        time.advance(Duration.ofSeconds(11));
        emulator.syncUntilSettled(20);

        assertThat(emulator.rolloutRefused(LOKI)).isTrue();
        assertThat(uidOf("loki-0")).isEqualTo(uid);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isFalse());

        client.pods().inNamespace(NS).withName("loki-0").delete();
        emulator.syncUntilSettled(20);

        assertThat(uidOf("loki-0")).isNotEqualTo(uid);
        assertThat(emulator.pod(NS, "loki-0")).hasValueSatisfying(p -> {
            assertThat(p.ready()).isTrue();
            assertThat(p.revision()).contains(StatefulSetController.updateRevision(set()));
        });
        assertThat(emulator.rollouts(LOKI)).isEqualTo(1);
    }

    @Test
    void shouldRollPastAnUnreadyPodWhenParallel() {
        String uid = midLife("Parallel", 1, time.clock().instant(), false);
        emulator.syncUntilSettled(20);

        restart();
        emulator.syncUntilSettled(20);

        assertThat(emulator.rolloutRefused(LOKI)).isFalse();
        assertThat(uidOf("loki-0")).isNotEqualTo(uid);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isTrue());
    }

    @Test
    void shouldKeepNewContainersUnreadyWhileNeverReadyAndStartReadyOnesAfterReadyAgain() {
        midLife("Parallel", 1, time.clock().instant(), true);
        emulator.syncUntilSettled(20);
        emulator.neverReady(LOKI);
        time.advance(Duration.ofSeconds(11));
        emulator.syncUntilSettled(20);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isTrue());

        restart();
        emulator.syncUntilSettled(20);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isFalse());

        emulator.readyAgain(LOKI);
        time.advance(Duration.ofSeconds(11));
        emulator.syncUntilSettled(20);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isFalse());

        restart();
        emulator.syncUntilSettled(20);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isTrue());
        assertThat(emulator.rollouts(LOKI)).isEqualTo(2);
    }

    @Test
    void shouldFailOnePodsReadinessFromNowOnButNotItsReplacementWhenAsked() {
        String uid = midLife("Parallel", 1, time.clock().instant(), true);
        emulator.syncUntilSettled(20);

        emulator.failReadiness(NS, "loki-0");

        Pod pod = client.pods().inNamespace(NS).withName("loki-0").get();
        assertThat(pod.getStatus().getConditions())
                .filteredOn(c -> "Ready".equals(c.getType()))
                .singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getRunning())
                .isNotNull();

        client.pods().inNamespace(NS).withName("loki-0").delete();
        emulator.syncUntilSettled(20);
        assertThat(uidOf("loki-0")).isNotEqualTo(uid);
        assertThat(emulator.pod(NS, "loki-0"))
                .hasValueSatisfying(p -> assertThat(p.ready()).isTrue());
        assertThatThrownBy(() -> emulator.failReadiness(NS, "loki-7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monitoring/loki-7");
    }

    // pods as the set's controller made them at `started`, then the set; returns loki-0's uid
    private String midLife(String podManagementPolicy, int replicas, Instant started, boolean ready) {
        StatefulSet set = PodAdoptionTest.set("loki");
        set.getSpec().setReplicas(replicas);
        set.getSpec().setPodManagementPolicy(podManagementPolicy);
        for (int i = 0; i < replicas; i++) {
            client.pods()
                    .resource(RunningPods.ofStatefulSet(set, i, started, ready))
                    .create();
        }
        client.apps().statefulSets().resource(set).create();
        return uidOf("loki-0");
    }

    private void restart() {
        client.apps()
                .statefulSets()
                .inNamespace(NS)
                .withName("loki")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
                                + time.clock().instant() + "\"}}}}}");
    }

    private StatefulSet set() {
        return client.apps().statefulSets().inNamespace(NS).withName("loki").get();
    }

    private String uidOf(String pod) {
        return client.pods().inNamespace(NS).withName(pod).get().getMetadata().getUid();
    }
}
