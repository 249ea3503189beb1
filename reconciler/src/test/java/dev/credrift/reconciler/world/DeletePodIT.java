package dev.credrift.reconciler.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.kube.MockKubernetes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KubeGateway#deletePod} re-reads the pod: a stuck pod decided on from the caches may have changed since. */
class DeletePodIT {

    private static final String NS = "tracing";

    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();
    private final KubeGateway gateway = new KubeGateway(kube.newClient());

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void shouldDeleteThePodWhenItIsStillTheSameUnreadyPod() {
        Pod pod = create("tempo-0", "False");

        assertThat(gateway.deletePod(NS, "tempo-0", pod.getMetadata().getUid())).isTrue();
        assertThat(client.pods().inNamespace(NS).withName("tempo-0").get()).isNull();
    }

    @Test
    void shouldLeaveThePodAloneWhenItBecameReadySinceTheDecision() {
        Pod pod = create("tempo-0", "True");

        assertThat(gateway.deletePod(NS, "tempo-0", pod.getMetadata().getUid())).isFalse();
        assertThat(client.pods().inNamespace(NS).withName("tempo-0").get()).isNotNull();
    }

    @Test
    void shouldLeaveThePodAloneWhenItWasReplaced() {
        create("tempo-0", "False");

        assertThat(gateway.deletePod(NS, "tempo-0", "uid-of-the-pod-before")).isFalse();
        assertThat(client.pods().inNamespace(NS).withName("tempo-0").get()).isNotNull();
    }

    private Pod create(String name, String ready) {
        Pod created = client.pods()
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name)
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("tempo")
                        .withImage("tempo")
                        .endContainer()
                        .endSpec()
                        .build())
                .create();
        created.setStatus(new PodBuilder()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready)
                .endCondition()
                .endStatus()
                .build()
                .getStatus());
        return client.pods().resource(created).updateStatus();
    }
}
