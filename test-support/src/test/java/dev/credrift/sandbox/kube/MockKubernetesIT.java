package dev.credrift.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockKubernetesExtension.class)
class MockKubernetesIT {

    private static final ResourceDefinitionContext EXTERNAL_SECRET_V1 = new ResourceDefinitionContext.Builder()
            .withGroup("external-secrets.io")
            .withVersion("v1")
            .withKind("ExternalSecret")
            .withPlural("externalsecrets")
            .withNamespaced(true)
            .build();
    private static final String REFRESHED = "{\"status\":{\"refreshTime\":\"2026-01-01T00:00:00Z\"}}";

    @Test
    void shouldListEveryCrdInDiscoveryWhenStarted(MockKubernetes kube) {
        KubernetesClient client = kube.client();

        assertThat(resourceNames(client, "credrift.dev/v1alpha1")).contains("credentialbindings");
        assertThat(resourceNames(client, "external-secrets.io/v1")).contains("externalsecrets");
        assertThat(resourceNames(client, "external-secrets.io/v1alpha1")).contains("pushsecrets");
        assertThat(resourceNames(client, "ceph.rook.io/v1")).contains("cephobjectstoreusers");
        assertThat(resourceNames(client, "external-secrets.io/v1beta1")).doesNotContain("externalsecrets");
        assertThat(kube.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void shouldServeOnlyTheOlderVersionWhenStartedWithIt() {
        try (MockKubernetes kube =
                MockKubernetes.startWith(List.of(ReferenceCrds.EXTERNAL_SECRET.servingOnly("v1beta1")))) {
            assertThat(resourceNames(kube.client(), "external-secrets.io/v1beta1"))
                    .contains("externalsecrets");
            assertThat(resourceNames(kube.client(), "external-secrets.io/v1")).doesNotContain("externalsecrets");
            assertThat(resourceNames(kube.client(), "ceph.rook.io/v1")).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnUnknownVersionWhenAskedToServeOnlyIt() {
        assertThatThrownBy(() -> ReferenceCrds.CEPH_OBJECT_STORE_USER.servingOnly("v9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v9");
    }

    @Test
    void shouldStoreTypedBindingsAndPatchTheirStatusWhenAskedWithMergePatch(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        GenericKubernetesResource raw = new GenericKubernetesResourceBuilder()
                .withApiVersion(CredentialBinding.API_VERSION)
                .withKind(CredentialBinding.KIND)
                .withNewMetadata()
                .withName("loki-s3")
                .withNamespace("monitoring")
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("mode", "Observe"))
                .build();
        client.resource(raw).create();

        CredentialBinding read = client.resources(CredentialBinding.class)
                .inNamespace("monitoring")
                .withName("loki-s3")
                .get();
        assertThat(read.bindingId()).isEqualTo("monitoring/loki-s3");
        assertThat(read.getSpec().mode().wireName()).isEqualTo("Observe");

        client.resources(CredentialBinding.class)
                .inNamespace("monitoring")
                .withName("loki-s3")
                .subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"conditions\":[{\"type\":\"Valid\",\"status\":\"True\","
                                + "\"reason\":\"SpecValid\"}]}}");

        CredentialBinding patched = client.resources(CredentialBinding.class)
                .inNamespace("monitoring")
                .withName("loki-s3")
                .get();
        assertThat(patched.getStatus().conditions()).hasSize(1);
        assertThat(patched.getSpec().mode().wireName()).isEqualTo("Observe");
    }

    @Test
    void shouldRejectStrategicMergePatchesWhenSent(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        client.secrets()
                .inNamespace("storage")
                .resource(secret("storage", "s", Map.of()))
                .create();

        assertThatThrownBy(() -> client.secrets()
                        .inNamespace("storage")
                        .withName("s")
                        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"))
                .isInstanceOf(KubernetesClientException.class);
    }

    @Test
    void shouldDeliverLabelSelectedSecretsToAnInformerWhenTheyChange(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<Secret> informer = client.secrets()
                .inAnyNamespace()
                .withLabel("app", "rook-ceph-rgw")
                .inform(recording(seen));
        try {
            client.secrets()
                    .inNamespace("storage")
                    .resource(secret("storage", "rook-ceph-object-user-storage-loki", Map.of("app", "rook-ceph-rgw")))
                    .create();
            client.secrets()
                    .inNamespace("storage")
                    .resource(secret("storage", "other", Map.of("app", "x")))
                    .create();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> seen.contains("storage/rook-ceph-object-user-storage-loki"));
            assertThat(seen).doesNotContain("storage/other");
        } finally {
            informer.close();
        }
    }

    @Test
    void shouldDeliverOnlyTheNamedSecretToAFieldSelectedInformer(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<Secret> informer =
                client.secrets().inNamespace("monitoring").withName("wanted").inform(recording(seen));
        try {
            client.secrets()
                    .inNamespace("monitoring")
                    .resource(secret("monitoring", "unwanted", Map.of()))
                    .create();
            client.secrets()
                    .inNamespace("monitoring")
                    .resource(secret("monitoring", "wanted", Map.of()))
                    .create();

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("monitoring/wanted"));
            assertThat(informer.getStore().list())
                    .extracting(s -> s.getMetadata().getName())
                    .containsOnly("wanted");
        } finally {
            informer.close();
        }
    }

    @Test
    void shouldStoreExternalSecretsWithAStatusSubresourceWhenPatched(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        GenericKubernetesResource es = new GenericKubernetesResourceBuilder()
                .withApiVersion("external-secrets.io/v1")
                .withKind("ExternalSecret")
                .withNewMetadata()
                .withName("loki-s3-credentials")
                .withNamespace("monitoring")
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("refreshInterval", "1h"))
                .build();
        client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                .inNamespace("monitoring")
                .resource(es)
                .create();

        client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                .inNamespace("monitoring")
                .withName("loki-s3-credentials")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), REFRESHED);

        GenericKubernetesResource read = client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                .inNamespace("monitoring")
                .withName("loki-s3-credentials")
                .get();
        assertThat(read.<String>get("status", "refreshTime")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(read.<String>get("spec", "refreshInterval")).isEqualTo("1h");
    }

    @Test
    void shouldTellInformersAboutStatusChangesWhenTheStatusSubresourceIsPatched(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        List<String> refreshTimes = new CopyOnWriteArrayList<>();
        SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                .inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource obj) {
                        refreshTimes.add(String.valueOf(obj.<String>get("status", "refreshTime")));
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                        onAdd(newObj);
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {}
                });
        try {
            client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                    .inNamespace("monitoring")
                    .resource(new GenericKubernetesResourceBuilder()
                            .withApiVersion("external-secrets.io/v1")
                            .withKind("ExternalSecret")
                            .withNewMetadata()
                            .withName("es")
                            .withNamespace("monitoring")
                            .endMetadata()
                            .addToAdditionalProperties("spec", Map.of())
                            .build())
                    .create();
            client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                    .inNamespace("monitoring")
                    .withName("es")
                    .subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), REFRESHED);

            await().atMost(Duration.ofSeconds(10)).until(() -> refreshTimes.contains("2026-01-01T00:00:00Z"));
        } finally {
            informer.close();
        }
    }

    /**
     * A quirk to know: the mock applies JSON merge patches by merging arrays element-wise (appending), where RFC 7386
     * and a real API server replace them. JSON patch (RFC 6902) replaces, as on a real server, and a {@code test}
     * that holds passes. (A {@code test} that fails gets no response at all, so it is not exercised here.)
     */
    @Test
    void shouldAppendListsOnMergePatchButReplaceThemOnJsonPatch(MockKubernetes kube) {
        KubernetesClient client = kube.client();
        client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                .inNamespace("monitoring")
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("external-secrets.io/v1")
                        .withKind("ExternalSecret")
                        .withNewMetadata()
                        .withName("es")
                        .withNamespace("monitoring")
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of())
                        .build())
                .create();
        var es = client.genericKubernetesResources(EXTERNAL_SECRET_V1)
                .inNamespace("monitoring")
                .withName("es");
        es.subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
        es.subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]}}");
        assertThat(es.get().<List<?>>get("status", "conditions")).hasSize(2);

        String resourceVersion = es.get().getMetadata().getResourceVersion();
        es.subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"" + resourceVersion
                                + "\"},{\"op\":\"replace\",\"path\":\"/status/conditions\",\"value\":"
                                + "[{\"type\":\"Ready\",\"status\":\"False\"}]}]");

        List<?> conditions = es.get().get("status", "conditions");
        assertThat(conditions).hasSize(1);
        assertThat(((Map<?, ?>) conditions.get(0)).get("status")).isEqualTo("False");
    }

    @Test
    void shouldRefuseNewClientsWhenClosedAndTolerateASecondClose() {
        MockKubernetes kube = MockKubernetes.start();
        KubernetesClient extra = kube.newClient();
        extra.secrets().inNamespace("a").resource(secret("a", "b", Map.of())).create();

        kube.close();

        assertThatThrownBy(kube::newClient).isInstanceOf(IllegalStateException.class);
        kube.close();
    }

    private static List<String> resourceNames(KubernetesClient client, String groupVersion) {
        APIResourceList list = client.getApiResources(groupVersion);
        return list == null || list.getResources() == null
                ? List.of()
                : list.getResources().stream().map(APIResource::getName).toList();
    }

    private static Secret secret(String namespace, String name, Map<String, String> labels) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .addToData("k", "dg==")
                .build();
    }

    private static ResourceEventHandler<Secret> recording(List<String> seen) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Secret obj) {
                seen.add(obj.getMetadata().getNamespace() + "/"
                        + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(Secret oldObj, Secret newObj) {
                onAdd(newObj);
            }

            @Override
            public void onDelete(Secret obj, boolean deletedFinalStateUnknown) {}
        };
    }
}
