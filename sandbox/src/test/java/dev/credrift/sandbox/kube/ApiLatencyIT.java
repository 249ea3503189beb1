package dev.credrift.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stand-in's latency knob holds back real answers, and its request counts name what each request concerned. */
class ApiLatencyIT {

    @Test
    void shouldHoldBackEveryAnswerAndCountItByResourceWhenTheApiIsSlow() {
        try (MockKubernetes kube = MockKubernetes.start()) {
            KubernetesClient client = kube.newClient(
                    b -> b.editOrNewConfig().withUserAgent("slow-reader").endConfig());
            client.configMaps()
                    .inNamespace("ns")
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("cm")
                            .withNamespace("ns")
                            .endMetadata()
                            .build())
                    .create();
            kube.latency(new ApiLatency(Duration.ofMillis(400), Duration.ofMillis(100)));

            long begun = System.nanoTime();
            client.configMaps().inNamespace("ns").withName("cm").get();
            client.configMaps().inNamespace("ns").list();
            Duration slow = Duration.ofNanos(System.nanoTime() - begun);

            assertThat(slow)
                    .as("two answers, each held back 400-500 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(800));
            assertThat(kube.requests().byResource("slow-reader"))
                    .containsEntry("CREATE configmaps", 1L)
                    .containsEntry("GET configmaps", 1L)
                    .containsEntry("LIST configmaps", 1L);
            assertThat(kube.requests().byResource("someone-else")).isEmpty();
        }
    }
}
