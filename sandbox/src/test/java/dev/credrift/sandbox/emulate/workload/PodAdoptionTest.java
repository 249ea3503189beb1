package dev.credrift.sandbox.emulate.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodAdoptionTest {

    private static final Instant STARTED = Instant.parse("2026-12-07T10:15:30Z");

    @Test
    void shouldKeepStartTimeAndReadinessWhenAdoptingARunningReadyPod() {
        Pod pod = RunningPods.ofStatefulSet(set("loki"), 0, STARTED.plusMillis(700), true);

        PodAdoption adopted = PodAdoption.of(pod).orElseThrow();

        assertThat(adopted.podStarted()).isEqualTo(STARTED);
        assertThat(adopted.containerStarted()).isEqualTo(STARTED);
        assertThat(adopted.ready()).isTrue();
        assertThat(adopted.readySince()).isEqualTo(STARTED);
        assertThat(adopted.podIp()).isPresent();
        assertThat(adopted.containerId())
                .hasValueSatisfying(id -> assertThat(id).startsWith("containerd://"));
        assertThat(adopted.restartCount()).isZero();
    }

    @Test
    void shouldAdoptAnUnreadyPodAsNotReadySinceItStartedWhenItNeverPassed() {
        Pod pod = RunningPods.ofStatefulSet(set("tempo"), 0, STARTED, false);

        PodAdoption adopted = PodAdoption.of(pod).orElseThrow();
        PodRuntime rt = new PodRuntime("uid-1");
        adopted.applyTo(rt);

        assertThat(rt.ready).isFalse();
        assertThat(rt.notReadySince).isEqualTo(STARTED);
        assertThat(rt.podStartTime).isEqualTo(STARTED);
        assertThat(rt.running()).isTrue();
        assertThat(rt.adopted).isTrue();
    }

    @Test
    void shouldStartAfreshWhenThePodIsStillPending() {
        Pod pending = new PodBuilder()
                .withNewMetadata()
                .withName("loki-0")
                .endMetadata()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
        Pod noStatus = new PodBuilder()
                .withNewMetadata()
                .withName("loki-1")
                .endMetadata()
                .build();

        assertThat(PodAdoption.of(pending)).isEmpty();
        assertThat(PodAdoption.of(noStatus)).isEmpty();
    }

    @Test
    void shouldStartAfreshWhenTheContainerIsNotRunning() {
        Pod pod = RunningPods.ofStatefulSet(set("loki"), 0, STARTED, true);
        pod.getStatus().getContainerStatuses().get(0).getState().setRunning(null);

        assertThat(PodAdoption.of(pod)).isEmpty();
    }

    @Test
    void shouldIgnoreAnUnparsableTransitionTimeWhenAdopting() {
        Pod pod = RunningPods.ofStatefulSet(set("loki"), 0, STARTED, true);
        pod.getStatus().getConditions().forEach(c -> c.setLastTransitionTime("yesterday"));

        assertThat(PodAdoption.of(pod))
                .hasValueSatisfying(a -> assertThat(a.readySince()).isEqualTo(STARTED));
    }

    static StatefulSet set(String name) {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(name)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(name)
                .withImage("grafana/" + name + ":3.5")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
