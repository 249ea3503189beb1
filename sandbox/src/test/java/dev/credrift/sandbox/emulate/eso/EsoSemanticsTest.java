package dev.credrift.sandbox.emulate.eso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.ManualScheduler;
import dev.credrift.sandbox.emulate.ObjectKey;
import dev.credrift.sandbox.kube.MockKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ESO's refresh rules, driven against the Kubernetes stand-in with a manual clock and an in-memory provider. */
class EsoSemanticsTest {

    private static final String NAME = "loki-s3-credentials";
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static MockKubernetes kube;
    private static KubernetesClient client;

    // one stand-in for the class (it takes a second to start); a namespace per test keeps tests apart
    private final String NS = "monitoring-" + NAMESPACES.incrementAndGet();
    private final ObjectKey KEY = new ObjectKey(NS, NAME);
    private ManualScheduler time;
    private final Map<String, String> item = new ConcurrentHashMap<>();
    private volatile boolean providerDown;
    private EsoEmulator eso;

    @BeforeAll
    static void startKubernetes() {
        kube = MockKubernetes.start();
        client = kube.client();
        kube.installCrd(EmulatedKinds.secretStoreCrd());
    }

    @AfterAll
    static void stopKubernetes() {
        kube.close();
    }

    @BeforeEach
    void start() {
        time = new ManualScheduler();
        item.put("access_key", "AKIAOLD000000000001");
        item.put("secret_key", "old-secret");
        eso = new EsoEmulator(client, time.clock(), (namespace, kind, name) -> new InMemorySource());
    }

    @AfterEach
    void stop() {
        eso.close();
    }

    @Test
    void shouldWriteTheTargetWithEsosMarksAndReportSyncedWhenCreated() {
        createExternalSecret("1h", null);

        SyncOutcome outcome = eso.reconcile(KEY);

        assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
        Secret target = client.secrets().inNamespace(NS).withName(NAME).get();
        assertThat(decode(target, "AWS_ACCESS_KEY_ID")).isEqualTo("AKIAOLD000000000001");
        assertThat(target.getMetadata().getLabels())
                .containsEntry(RefreshRule.MANAGED_LABEL, "true")
                .containsEntry(RefreshRule.CREATED_BY_LABEL, GoObjectHash.string(NS + "/" + NAME));
        assertThat(target.getMetadata().getAnnotations())
                .containsEntry(RefreshRule.DATA_HASH_ANNOTATION, RefreshRule.dataHash(target));
        assertThat(target.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("ExternalSecret");
            assertThat(o.getController()).isTrue();
        });
        GenericKubernetesResource es = externalSecret();
        assertThat(readyCondition(es)).containsEntry("status", "True").containsEntry("reason", "SecretSynced");
        assertThat(es.<String>get("status", "refreshTime")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(es.<String>get("status", "syncedResourceVersion"))
                .isEqualTo(ExternalSecretState.of(es).currentResourceVersion());
        assertThat(es.<String>get("status", "binding", "name")).isEqualTo(NAME);
    }

    @Test
    void shouldRefreshOnAForceSyncAnnotationWhenPeriodicWithAnInterval() {
        createExternalSecret("1h", null);
        eso.reconcile(KEY);
        item.put("access_key", "AKIANEW000000000002");

        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Skipped.class);
        forceSync();

        assertThat(eso.reconcile(KEY))
                .isEqualTo(new SyncOutcome.Synced(time.clock().instant(), true));
        assertThat(decode(target(), "AWS_ACCESS_KEY_ID")).isEqualTo("AKIANEW000000000002");
        assertThat(eso.fetchCount(KEY)).isEqualTo(2);
    }

    @Test
    void shouldIgnoreForceSyncWhenRefreshIntervalIsZero() {
        createExternalSecret("0", null);
        eso.reconcile(KEY);
        item.put("access_key", "AKIANEW000000000002");

        forceSync();
        time.advance(Duration.ofDays(1));

        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Skipped.class);
        assertThat(decode(target(), "AWS_ACCESS_KEY_ID")).isEqualTo("AKIAOLD000000000001");
        assertThat(eso.fetchCount(KEY)).isEqualTo(1);
    }

    @Test
    void shouldNeverFetchAgainWhenCreatedOnce() {
        createExternalSecret("1m", "CreatedOnce");
        eso.reconcile(KEY);
        item.put("access_key", "AKIANEW000000000002");

        forceSync();
        time.advance(Duration.ofHours(2));

        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Skipped.class);
        assertThat(decode(target(), "AWS_ACCESS_KEY_ID")).isEqualTo("AKIAOLD000000000001");
        assertThat(eso.fetchCount(KEY)).isEqualTo(1);
    }

    @Test
    void shouldRefreshOnItsOwnOnceTheIntervalHasPassedWhenTicking() {
        createExternalSecret("1h", null);
        eso.reconcile(KEY);
        item.put("access_key", "AKIANEW000000000002");

        time.advance(Duration.ofMinutes(59));
        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Skipped.class);
        time.advance(Duration.ofMinutes(2));

        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(decode(target(), "AWS_ACCESS_KEY_ID")).isEqualTo("AKIANEW000000000002");
    }

    @Test
    void shouldRewriteATamperedTargetEvenWhenRefreshIntervalIsZero() {
        createExternalSecret("0", null);
        eso.reconcile(KEY);
        client.secrets()
                .inNamespace(NS)
                .withName(NAME)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"data\":{\"AWS_ACCESS_KEY_ID\":\"" + b64("HANDEDITED") + "\"}}");

        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(decode(target(), "AWS_ACCESS_KEY_ID")).isEqualTo("AKIAOLD000000000001");
    }

    @Test
    void shouldReportSecretSyncedErrorAndKeepTheLastRefreshTimeWhenTheProviderFails() {
        createExternalSecret("1h", null);
        eso.reconcile(KEY);
        providerDown = true;
        time.advance(Duration.ofMinutes(5));
        forceSync();

        SyncOutcome outcome = eso.reconcile(KEY);

        assertThat(outcome).isInstanceOf(SyncOutcome.Failed.class);
        GenericKubernetesResource es = externalSecret();
        assertThat(readyCondition(es))
                .containsEntry("status", "False")
                .containsEntry("reason", "SecretSyncedError")
                .containsEntry("message", EsoEmulator.MESSAGE_PROVIDER_FAILED);
        assertThat(es.<String>get("status", "refreshTime")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat((List<?>) es.get("status", "conditions")).hasSize(1);

        providerDown = false;
        time.advance(Duration.ofSeconds(1));
        assertThat(eso.reconcile(KEY)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(readyCondition(externalSecret())).containsEntry("status", "True");
    }

    @Test
    void shouldRenderTemplateDataFromFetchedValuesWhenATemplateIsGiven() {
        GenericKubernetesResource es = externalSecretResource("1h", null);
        Map<String, Object> spec = es.get("spec");
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", NAME);
        target.put(
                "template",
                Map.of("type", "Opaque", "data", Map.of("config.yaml", "access_key_id: {{ .AWS_ACCESS_KEY_ID }}")));
        spec.put("target", target);
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .resource(es)
                .create();

        eso.reconcile(KEY);

        assertThat(target().getData()).containsOnlyKeys("config.yaml");
        assertThat(decode(target(), "config.yaml")).isEqualTo("access_key_id: AKIAOLD000000000001");
    }

    private void createExternalSecret(String interval, String policy) {
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .resource(externalSecretResource(interval, policy))
                .create();
    }

    private GenericKubernetesResource externalSecretResource(String interval, String policy) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("refreshInterval", interval);
        if (policy != null) {
            spec.put("refreshPolicy", policy);
        }
        spec.put("secretStoreRef", Map.of("name", "onepassword", "kind", "SecretStore"));
        spec.put("target", Map.of("name", NAME));
        spec.put(
                "data",
                List.of(
                        Map.of(
                                "secretKey",
                                "AWS_ACCESS_KEY_ID",
                                "remoteRef",
                                Map.of("key", "loki-s3-config", "property", "access_key")),
                        Map.of(
                                "secretKey",
                                "AWS_SECRET_ACCESS_KEY",
                                "remoteRef",
                                Map.of("key", "loki-s3-config", "property", "secret_key"))));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("external-secrets.io/v1")
                .withKind("ExternalSecret")
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(NS)
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    private void forceSync() {
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(NAME)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"force-sync\":\""
                                + time.clock().millis() + "\"}}}");
    }

    private GenericKubernetesResource externalSecret() {
        return client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(NAME)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readyCondition(GenericKubernetesResource es) {
        List<Map<String, Object>> conditions = es.get("status", "conditions");
        return conditions.stream()
                .filter(c -> "Ready".equals(c.get("type")))
                .findFirst()
                .orElseThrow();
    }

    private Secret target() {
        return client.secrets().inNamespace(NS).withName(NAME).get();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private final class InMemorySource implements SecretSource {
        @Override
        public void validate() throws ProviderException {
            if (providerDown) {
                throw new ProviderException("1Password Connect is unreachable");
            }
        }

        @Override
        public byte[] getSecret(String key, String property, String version) throws ProviderException {
            validate();
            String value = item.get(property);
            if (value == null) {
                throw new ProviderException("no field " + property);
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Map<String, byte[]> getSecretMap(String key) throws ProviderException {
            validate();
            Map<String, byte[]> all = new LinkedHashMap<>();
            item.forEach((k, v) -> all.put(k, v.getBytes(StandardCharsets.UTF_8)));
            return all;
        }

        @Override
        public Map<String, byte[]> getAllSecrets(DataFrom.Find find) throws ProviderException {
            Map<String, byte[]> all = getSecretMap("");
            all.keySet().removeIf(label -> !find.labelMatches(label));
            return all;
        }
    }
}
