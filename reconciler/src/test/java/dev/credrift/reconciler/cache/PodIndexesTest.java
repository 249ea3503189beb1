package dev.credrift.reconciler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodIndexesTest {

    @Test
    void shouldIndexEverySecretThePodReadsWhenReadThroughEnvEnvFromAndVolumes() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("loki-0")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("loki")
                .addNewEnv()
                .withName("AWS_ACCESS_KEY_ID")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName("loki-s3")
                .withKey("AWS_ACCESS_KEY_ID")
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .addNewEnvFrom()
                .withNewSecretRef()
                .withName("loki-extra")
                .endSecretRef()
                .endEnvFrom()
                .addNewVolumeMount()
                .withName("certs")
                .withMountPath("/certs")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("certs")
                .withNewSecret()
                .withSecretName("loki-tls")
                .endSecret()
                .endVolume()
                .endSpec()
                .build();

        assertThat(PodIndexes.secretsRead(pod)).containsExactlyInAnyOrder("loki-s3", "loki-extra", "loki-tls");
    }

    @Test
    void shouldIndexNoSecretWhenThePodHasNoSpec() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("bare")
                .endMetadata()
                .build();

        assertThat(PodIndexes.secretsRead(pod)).isEmpty();
    }

    @Test
    void shouldIndexTheDeploymentWhenAReplicaSetOwnsThePod() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("loki-read-7d4b9-x2x")
                .addToLabels("pod-template-hash", "7d4b9")
                .addNewOwnerReference()
                .withKind("ReplicaSet")
                .withName("loki-read-7d4b9")
                .withApiVersion("apps/v1")
                .withUid("u")
                .endOwnerReference()
                .endMetadata()
                .build();

        assertThat(PodIndexes.owner(pod)).containsExactly("Deployment monitoring/loki-read");
    }

    @Test
    void shouldIndexTheStatefulSetWhenItOwnsThePod() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("loki-0")
                .addNewOwnerReference()
                .withKind("StatefulSet")
                .withName("loki")
                .withApiVersion("apps/v1")
                .withUid("u")
                .endOwnerReference()
                .endMetadata()
                .build();

        assertThat(PodIndexes.owner(pod)).containsExactly("StatefulSet monitoring/loki");
    }

    @Test
    void shouldIndexAsUnownedWhenNoWorkloadOwnsThePod() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("debug")
                .endMetadata()
                .build();

        assertThat(PodIndexes.owner(pod)).containsExactly(PodIndexes.UNOWNED);
    }
}
