package dev.credrift.reconciler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.WorkloadRef;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.kube.ReferenceCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.Interceptor.RequestTags;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caches against the mock API server: an older ESO (v1beta1 only), index lookups, and wakes by object. */
class InformerReadsIT {

    private static final String NS = "tracing";
    private static final String REPLICA = "tempo-s3-credentials";

    private final MockKubernetes kube =
            MockKubernetes.startWith(List.of(ReferenceCrds.EXTERNAL_SECRET.servingOnly("v1beta1")));
    private final KubernetesClient client = kube.client();
    // the caches do not own their client: its watch connections must go before the mock server, whose shutdown waits
    // for open connections (10 s, then fails — seen in CI under load)
    private final KubernetesClient readsClient = kube.newClient();
    private final InformerReads reads =
            new InformerReads(readsClient, KubeGateway.EXTERNAL_SECRETS, Duration.ofSeconds(20));

    @AfterEach
    void close() {
        reads.close();
        readsClient.close();
        kube.close();
    }

    @Test
    void shouldReadTheExternalSecretAtV1beta1WhenTheClusterServesOnlyThat() {
        GenericKubernetesResource es = new GenericKubernetesResource();
        es.setApiVersion("external-secrets.io/v1beta1");
        es.setKind("ExternalSecret");
        es.setMetadata(
                new ObjectMetaBuilder().withNamespace(NS).withName(REPLICA).build());
        es.setAdditionalProperty("spec", Map.of("target", Map.of("name", REPLICA)));
        client.genericKubernetesResources(KubeGateway.EXTERNAL_SECRETS.get(1))
                .resource(es)
                .create();

        assertThat(reads.externalSecret(NS, REPLICA))
                .hasValueSatisfying(
                        found -> assertThat(found.getApiVersion()).isEqualTo("external-secrets.io/v1beta1"));
        assertThat(reads.externalSecret(NS, "absent")).isEmpty();
    }

    @Test
    void shouldFindPodsByTheSecretTheyReadAndByOwnerWhenOtherPodsShareTheNamespace() {
        client.pods().resource(pod("tempo-0", "tempo", REPLICA)).create();
        client.pods().resource(pod("other-0", "other", "other-secret")).create();

        assertThat(reads.podsReading(NS, REPLICA))
                .extracting(p -> p.getMetadata().getName())
                .containsExactly("tempo-0");
        assertThat(reads.podsOf(new WorkloadRef(WorkloadKind.STATEFUL_SET, NS, "tempo"), null))
                .extracting(p -> p.getMetadata().getName())
                .containsExactly("tempo-0");
        assertThat(reads.podsReading(NS, "nobody-reads-this")).isEmpty();
    }

    @Test
    void shouldWakeOnlyForTheAwaitedObjectAndSeeItWhenItChanges() {
        assertThat(reads.secret(NS, REPLICA)).isEmpty(); // the caches of the namespace are synced from here on
        AtomicInteger wakes = new AtomicInteger();
        AutoCloseable subscription = reads.onChange(
                NS, o -> o instanceof Secret && REPLICA.equals(o.getMetadata().getName()), wakes::incrementAndGet);

        client.secrets().resource(secret("unrelated")).create();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> reads.secret(NS, "unrelated").isPresent());
        assertThat(wakes).hasValue(0);

        client.secrets().resource(secret(REPLICA)).create();
        await().atMost(10, TimeUnit.SECONDS).until(() -> wakes.get() == 1);
        assertThat(reads.secret(NS, REPLICA)).isPresent();

        close(subscription);
        client.secrets().inNamespace(NS).withName(REPLICA).delete();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> reads.secret(NS, REPLICA).isEmpty());
        assertThat(wakes).hasValue(1);
    }

    @Test
    void shouldFailFastWhileSyncingAndStopTheInformersWhenClosedBeforeTheySynced() {
        AtomicInteger lockedLists = new AtomicInteger();
        // pods of namespace "locked" cannot be listed (no RBAC there, say): its caches never sync
        KubernetesClient lockedClient = kube.newClient(b -> b.editOrNewConfig()
                .withRequestRetryBackoffLimit(0)
                .endConfig()
                .withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("locked", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        if (request.uri().getPath().startsWith("/api/v1/namespaces/locked/pods")) {
                            lockedLists.incrementAndGet();
                            builder.uri(URI.create(
                                    "http://127.0.0.1:1" + request.uri().getRawPath()));
                        }
                    }
                })));
        InformerReads locked = new InformerReads(lockedClient, KubeGateway.EXTERNAL_SECRETS, Duration.ofMillis(500));
        try {
            long begun = System.nanoTime();
            assertThatThrownBy(() -> locked.secret("locked", REPLICA))
                    .isInstanceOf(InformerReads.CacheNotReady.class)
                    .hasMessage("the caches of namespace locked have not synced yet");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun)).isLessThan(5_000);
            await().atMost(10, TimeUnit.SECONDS).until(() -> lockedLists.get() >= 2); // the informer retries
            assertThat(locked.running("locked")).isTrue();
        } finally {
            locked.close();
        }
        assertThat(locked.running("locked")).isFalse();
        lockedClient.close();
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Secret secret(String name) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName(name)
                .endMetadata()
                .withType("Opaque")
                .build();
    }

    private static Pod pod(String name, String statefulSet, String secret) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName(name)
                .addNewOwnerReference()
                .withKind("StatefulSet")
                .withName(statefulSet)
                .withApiVersion("apps/v1")
                .withUid(statefulSet + "-uid")
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("app")
                .addNewEnvFrom()
                .withNewSecretRef()
                .withName(secret)
                .endSecretRef()
                .endEnvFrom()
                .endContainer()
                .endSpec()
                .build();
    }
}
