package dev.credrift.reconciler.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.kube.MockKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KubeGateway#replaceRookUserKeys} writes {@code spec.keys} only onto the version it was computed from: a
 * concurrent edit makes it write nothing and say so (the API server answers the failed {@code test} with 422).
 */
class RookUserKeysIT {

    private static final String NS = "storage";
    private static final Map<String, Object> OPERATORS = entry("loki-keys");
    private static final Map<String, Object> HUMANS = entry("loki-extra");
    private static final Map<String, Object> CREDRIFTS = entry("credrift-loki-0a1b2c3d");

    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();
    private final KubeGateway gateway = new KubeGateway(kube.newClient());

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void shouldWriteNothingWhenTheUserChangedSinceTheRead() {
        create();
        String read =
                gateway.rookObjectUser(NS, "loki").orElseThrow().getMetadata().getResourceVersion();
        // a human edits spec.keys after credrift's read
        client.genericKubernetesResources(KubeGateway.ROOK_OBJECT_USERS)
                .inNamespace(NS)
                .withName("loki")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        client.getKubernetesSerialization()
                                .asJson(List.of(Map.of(
                                        "op", "add", "path", "/spec/keys", "value", List.of(OPERATORS, HUMANS)))));

        boolean written = gateway.replaceRookUserKeys(NS, "loki", read, List.of(OPERATORS, CREDRIFTS));

        assertThat(written).isFalse();
        assertThat(keys()).containsExactly(OPERATORS, HUMANS);
    }

    @Test
    void shouldReplaceTheListWhenTheUserIsStillTheVersionRead() {
        create();
        String read =
                gateway.rookObjectUser(NS, "loki").orElseThrow().getMetadata().getResourceVersion();

        boolean written = gateway.replaceRookUserKeys(NS, "loki", read, List.of(OPERATORS, CREDRIFTS));

        assertThat(written).isTrue();
        assertThat(keys()).containsExactly(OPERATORS, CREDRIFTS);
    }

    private void create() {
        client.genericKubernetesResources(KubeGateway.ROOK_OBJECT_USERS)
                .inNamespace(NS)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("ceph.rook.io/v1")
                        .withKind("CephObjectStoreUser")
                        .withNewMetadata()
                        .withName("loki")
                        .withNamespace(NS)
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of("store", "storage", "keys", List.of(OPERATORS)))
                        .build())
                .create();
    }

    private List<Object> keys() {
        GenericKubernetesResource user = client.genericKubernetesResources(KubeGateway.ROOK_OBJECT_USERS)
                .inNamespace(NS)
                .withName("loki")
                .get();
        return List.copyOf((List<?>) ((Map<?, ?>) user.getAdditionalProperties().get("spec")).get("keys"));
    }

    private static Map<String, Object> entry(String secret) {
        return Map.of(
                "accessKeyRef", Map.of("name", secret, "key", "AccessKey"),
                "secretKeyRef", Map.of("name", secret, "key", "SecretKey"));
    }
}
