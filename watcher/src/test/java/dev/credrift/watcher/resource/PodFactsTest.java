package dev.credrift.watcher.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.ConsumerReadinessObserved.WorkloadKind;
import dev.credrift.watcher.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodFactsTest {

    @Test
    void shouldSeeEveryWayAPodReadsASecretWhenItsSpecNamesIt() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("loki-0")
                .endMetadata()
                .withNewSpec()
                .addToInitContainers(new ContainerBuilder()
                        .withName("init")
                        .addNewEnvFrom()
                        .withNewSecretRef()
                        .withName("from-env-from")
                        .endSecretRef()
                        .endEnvFrom()
                        .build())
                .addToContainers(new ContainerBuilder()
                        .withName("app")
                        .addNewEnv()
                        .withName("K")
                        .withNewValueFrom()
                        .withNewSecretKeyRef()
                        .withName("from-env")
                        .withKey("k")
                        .endSecretKeyRef()
                        .endValueFrom()
                        .endEnv()
                        .addNewVolumeMount()
                        .withName("whole")
                        .withMountPath("/s")
                        .endVolumeMount()
                        .addNewVolumeMount()
                        .withName("sub")
                        .withMountPath("/c")
                        .withSubPath("c")
                        .endVolumeMount()
                        .addNewVolumeMount()
                        .withName("proj")
                        .withMountPath("/p")
                        .endVolumeMount()
                        .build())
                .addNewVolume()
                .withName("whole")
                .withNewSecret()
                .withSecretName("from-volume")
                .endSecret()
                .endVolume()
                .addNewVolume()
                .withName("sub")
                .withNewSecret()
                .withSecretName("from-sub-path")
                .endSecret()
                .endVolume()
                .addNewVolume()
                .withName("proj")
                .withNewProjected()
                .addNewSource()
                .withNewSecret()
                .withName("from-projected")
                .endSecret()
                .endSource()
                .endProjected()
                .endVolume()
                .addNewVolume()
                .withName("cm")
                .withNewConfigMap()
                .withName("not-a-secret")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build();

        assertThat(PodFacts.secretsRead(pod))
                .containsEntry("from-env", java.util.Set.of(SecretMount.ENV))
                .containsEntry("from-env-from", java.util.Set.of(SecretMount.ENV))
                .containsEntry("from-volume", java.util.Set.of(SecretMount.VOLUME))
                .containsEntry("from-sub-path", java.util.Set.of(SecretMount.SUB_PATH))
                .containsEntry("from-projected", java.util.Set.of(SecretMount.VOLUME))
                .doesNotContainKey("not-a-secret");
        assertThat(PodFacts.secretIndexKeys(pod)).contains("monitoring/from-env", "monitoring/from-projected");
    }

    @Test
    void shouldFindTheDeploymentBehindAReplicaSetWhenThePodCarriesItsHash() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("tracing")
                .withName("tempo-querier-7d9f-abcde")
                .addToLabels("pod-template-hash", "7d9f")
                .addNewOwnerReference()
                .withKind("ReplicaSet")
                .withName("tempo-querier-7d9f")
                .endOwnerReference()
                .endMetadata()
                .build();

        assertThat(PodFacts.workload(pod))
                .contains(new WorkloadRef(WorkloadKind.DEPLOYMENT, "tracing", "tempo-querier"));
        assertThat(PodFacts.workloadIndexKeys(pod)).containsExactly("DEPLOYMENT/tracing/tempo-querier");
    }

    @Test
    void shouldFindNoWorkloadWhenAPodHasNoOwner() {
        Pod bare = new PodBuilder()
                .withNewMetadata()
                .withNamespace("x")
                .withName("debug")
                .endMetadata()
                .build();

        assertThat(PodFacts.workload(bare)).isEmpty();
        assertThat(PodFacts.secretsRead(bare)).isEmpty();
        assertThat(PodFacts.ready(bare)).isFalse();
        assertThat(PodFacts.startedAt(bare)).isEmpty();
        assertThat(PodFacts.restartCount(bare)).isZero();
    }

    @Test
    void shouldReadReadinessRestartsAndStartTimeWhenThePodRuns() {
        Pod pod = new PodBuilder(Fixtures.statefulSetPod("monitoring", "loki", 0, "s", true))
                .editStatus()
                .editFirstContainerStatus()
                .withRestartCount(3)
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(PodFacts.workload(pod)).contains(new WorkloadRef(WorkloadKind.STATEFUL_SET, "monitoring", "loki"));
        assertThat(PodFacts.ready(pod)).isTrue();
        assertThat(PodFacts.restartCount(pod)).isEqualTo(3);
        assertThat(PodFacts.startedAt(pod)).contains(Instant.parse("2026-11-22T05:00:05Z"));
        assertThat(PodFacts.time("yesterday")).isEmpty();
    }
}
