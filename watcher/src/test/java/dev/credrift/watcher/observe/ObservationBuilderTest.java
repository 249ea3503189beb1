package dev.credrift.watcher.observe;

import static dev.credrift.watcher.fixtures.Fixtures.b64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.ConsumerReadinessObserved;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.ExternalSecretObserved;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ReplicaSecretObserved;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.fixtures.FakeClusterView;
import dev.credrift.watcher.fixtures.Fixtures;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.Facet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationBuilderTest {

    private static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("another test fingerprint key".getBytes(StandardCharsets.UTF_8));
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final ObservationBuilder builder = new ObservationBuilder(new CredentialReader(FINGERPRINTER));
    private final RefResolver resolver = new RefResolver();

    @Test
    void shouldObserveEveryHopWhenTheLokiStoryIsInPlace() {
        FakeClusterView view = lokiWorld();
        BindingRefs refs = refs(view);

        SourceSecretObserved source = builder.source(refs, view).orElseThrow();
        assertThat(source.secret().toString()).isEqualTo("storage/rook-ceph-object-user-storage-loki");
        assertThat(source.credential().fingerprint())
                .isEqualTo(FINGERPRINTER.fingerprint(Credential.of("ROOKKEY1", "rook-secret-1")));
        assertThat(source.endpoint()).isEqualTo("http://rook-ceph-rgw-storage.storage.svc:80");
        assertThat(source.problems()).isEmpty();

        ExternalSecretObserved es = builder.externalSecret(refs, view).orElseThrow();
        assertThat(es.ready()).isEqualTo(ExternalSecretObserved.ConditionStatus.TRUE);
        assertThat(es.targetSecret()).isEqualTo("loki-s3-credentials");

        ReplicaSecretObserved replica = builder.replica(refs, view).orElseThrow();
        assertThat(replica.credential().fingerprint())
                .isEqualTo(FINGERPRINTER.fingerprint(Credential.of("OLDKEY", "old-secret")));

        ConsumerReadinessObserved consumers = builder.consumers(refs, view);
        assertThat(consumers.workloads()).hasSize(1);
        ConsumerReadinessObserved.Workload loki = consumers.workloads().get(0);
        assertThat(loki.name()).isEqualTo("loki");
        assertThat(loki.readyReplicas()).isEqualTo(1);
        assertThat(loki.replicas()).isEqualTo(2);
        assertThat(loki.readsVia()).containsExactly(SecretMount.ENV);
        assertThat(loki.pods()).extracting(ConsumerReadinessObserved.Pod::name).containsExactly("loki-0", "loki-1");
        assertThat(consumers.problems()).isEmpty();
        assertThat(builder.build(Facet.BINDING, refs, view)).isEmpty();
    }

    @Test
    void shouldReadTheReplicaUnderTheKeysTheExternalSecretMapsTheVaultFieldsTo() {
        GenericKubernetesResource es = Fixtures.externalSecret(
                "external-secrets.io/v1", "monitoring", "loki-s3-credentials", "loki-s3-credentials");
        specOf(es)
                .put(
                        "data",
                        List.of(
                                Map.of(
                                        "secretKey",
                                        "S3_KEY",
                                        "remoteRef",
                                        Map.of("key", "item", "property", "access_key")),
                                Map.of(
                                        "secretKey",
                                        "S3_SECRET",
                                        "remoteRef",
                                        Map.of("key", "item", "property", "secret_key"))));
        FakeClusterView view = lokiWorld()
                .withExternalSecret(es)
                .with(Fixtures.secret(
                        "monitoring",
                        "loki-s3-credentials",
                        Map.of(),
                        Map.of(
                                "S3_KEY",
                                b64("MAPPED"),
                                "S3_SECRET",
                                b64("mapped-secret"),
                                "AWS_ACCESS_KEY_ID",
                                b64("DECOY"),
                                "AWS_SECRET_ACCESS_KEY",
                                b64("decoy"))));

        ReplicaSecretObserved replica = builder.replica(refs(view), view).orElseThrow();

        assertThat(replica.credential().fingerprint())
                .isEqualTo(FINGERPRINTER.fingerprint(Credential.of("MAPPED", "mapped-secret")));
    }

    @Test
    void shouldReportMissingObjectsWhenNothingTheBindingNamesExists() {
        FakeClusterView empty = new FakeClusterView();
        BindingRefs refs = refs(empty);

        SourceSecretObserved source = builder.source(refs, empty).orElseThrow();
        assertThat(source.credential()).isNull();
        assertThat(source.problems())
                .extracting(Problem::code)
                .containsExactly(ProblemCode.MISSING_OBJECT, ProblemCode.MISSING_OBJECT);
        ExternalSecretObserved es = builder.externalSecret(refs, empty).orElseThrow();
        assertThat(es.ready()).isEqualTo(ExternalSecretObserved.ConditionStatus.UNKNOWN);
        assertThat(es.problems()).extracting(Problem::code).containsExactly(ProblemCode.MISSING_OBJECT);
        assertThat(builder.replica(refs, empty)).isEmpty();
        assertThat(builder.consumers(refs, empty).problems())
                .extracting(Problem::code)
                .containsExactly(ProblemCode.NO_TARGET);
    }

    @Test
    void shouldSayTheApiIsMissingWhenTheClusterServesNoExternalSecrets() {
        FakeClusterView view = new FakeClusterView().withoutExternalSecretApi().withoutRook();

        ExternalSecretObserved es = builder.externalSecret(refs(view), view).orElseThrow();

        assertThat(es.problems().get(0).message()).contains("serves no ExternalSecret API");
        assertThat(builder.source(refs(view), view).orElseThrow().problems()).hasSize(1);
    }

    @Test
    void shouldReportAnInvalidEndpointWithoutItsValue() {
        FakeClusterView view = lokiWorld()
                .with(Fixtures.secret(
                        "storage",
                        "rook-ceph-object-user-storage-loki",
                        Map.of(),
                        Map.of("AccessKey", b64("K"), "SecretKey", b64("S"), "Endpoint", b64("PLANTED not a url"))));

        SourceSecretObserved source = builder.source(refs(view), view).orElseThrow();

        assertThat(source.endpoint()).isNull();
        assertThat(source.problems()).extracting(Problem::field).containsExactly("data.Endpoint");
        assertThat(source.problems().get(0).message()).doesNotContain("PLANTED");
    }

    @Test
    void shouldListExplicitConsumersEvenWhenTheyHaveNoPods() {
        GenericKubernetesResource raw = Fixtures.binding("monitoring", "loki-s3", "loki", "loki-s3-credentials");
        specOf(raw).put("consumers", List.of(Map.of("kind", "Deployment", "name", "loki-gateway")));
        FakeClusterView view = lokiWorld()
                .with(new io.fabric8.kubernetes.api.model.PodBuilder()
                        .withNewMetadata()
                        .withNamespace("monitoring")
                        .withName("debug")
                        .endMetadata()
                        .withNewSpec()
                        .addNewVolume()
                        .withName("v")
                        .withNewSecret()
                        .withSecretName("loki-s3-credentials")
                        .endSecret()
                        .endVolume()
                        .endSpec()
                        .build());
        BindingRefs refs = resolver.resolve(LOKI, SERIALIZATION.convertValue(raw, CredentialBinding.class), view);

        ConsumerReadinessObserved consumers = builder.consumers(refs, view);

        assertThat(consumers.workloads())
                .extracting(ConsumerReadinessObserved.Workload::name)
                .containsExactly("loki-gateway", "loki");
        assertThat(consumers.workloads().get(0).replicas()).isZero();
        assertThat(consumers.problems())
                .extracting(Problem::code)
                .containsExactly(ProblemCode.NO_TARGET, ProblemCode.NO_TARGET);
    }

    @Test
    void shouldUseTheSecretNameRookReportsWhenItDiffersFromTheNamingRule() {
        GenericKubernetesResource user = new GenericKubernetesResourceBuilder(Fixtures.rookUser("loki"))
                .addToAdditionalProperties("status", Map.of("info", Map.of("secretName", "custom-loki-keys")))
                .build();
        FakeClusterView view = new FakeClusterView().withRookUser(user);

        assertThat(refs(view).source().orElseThrow().secret().name()).isEqualTo("custom-loki-keys");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specOf(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private BindingRefs refs(FakeClusterView view) {
        CredentialBinding binding = SERIALIZATION.convertValue(
                Fixtures.binding("monitoring", "loki-s3", "loki", "loki-s3-credentials"), CredentialBinding.class);
        return resolver.resolve(LOKI, binding, view);
    }

    private static FakeClusterView lokiWorld() {
        return new FakeClusterView()
                .withRookUser(Fixtures.rookUser("loki"))
                .with(Fixtures.rookSecret("loki", "ROOKKEY1", "rook-secret-1"))
                .withExternalSecret(Fixtures.externalSecret(
                        "external-secrets.io/v1", "monitoring", "loki-s3-credentials", "loki-s3-credentials"))
                .with(Fixtures.replicaSecret("monitoring", "loki-s3-credentials", "OLDKEY", "old-secret"))
                .with(Fixtures.statefulSetPod("monitoring", "loki", 0, "loki-s3-credentials", true))
                .with(Fixtures.statefulSetPod("monitoring", "loki", 1, "loki-s3-credentials", false));
    }
}
