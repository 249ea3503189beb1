package dev.credrift.sandbox.emulate.eso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.ObjectKey;
import dev.credrift.sandbox.emulate.RealTimeScheduler;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ESO emulator syncing from the 1Password Connect emulator over HTTP, on real time with watches. */
class EsoEmulatorIT {

    private static final String NS = "monitoring";
    private static final String NAME = "loki-s3-credentials";

    private MockKubernetes kube;
    private KubernetesClient client;
    private OnePasswordConnectEmulator onePassword;
    private RealTimeScheduler scheduler;
    private EsoEmulator eso;

    @BeforeEach
    void start() {
        kube = MockKubernetes.start();
        kube.installCrd(EmulatedKinds.secretStoreCrd());
        client = kube.client();
        onePassword = OnePasswordConnectEmulator.start();
        onePassword.createVault("Infrastructure");
        onePassword.putItem(
                "Infrastructure",
                "loki-s3-config",
                Map.of("access_key", "AKIAFIRST0000000001", "secret_key", "first-secret"));
        scheduler = new RealTimeScheduler();
        eso = new EsoEmulator(kube.newClient(), Clock.systemUTC(), HttpClient.newHttpClient());
        client.secrets()
                .inNamespace(NS)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("onepassword-connect-token")
                        .withNamespace(NS)
                        .endMetadata()
                        .addToData("token", b64(onePassword.token().reveal()))
                        .build())
                .create();
        client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inNamespace(NS)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("external-secrets.io/v1")
                        .withKind("SecretStore")
                        .withNewMetadata()
                        .withName("onepassword")
                        .withNamespace(NS)
                        .endMetadata()
                        .addToAdditionalProperties(
                                "spec",
                                Map.of(
                                        "provider",
                                        onePasswordProvider(
                                                Map.of("name", "onepassword-connect-token", "key", "token"))))
                        .build())
                .create();
    }

    @AfterEach
    void stop() {
        eso.close();
        scheduler.close();
        onePassword.close();
        kube.close();
    }

    @Test
    void shouldSyncTheItemIntoTheReplicaAndReportReadyWhenStarted() {
        createExternalSecret();
        eso.start(scheduler, Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(15)).until(() -> "True".equals(ready().get("status")));

        Secret replica = client.secrets().inNamespace(NS).withName(NAME).get();
        assertThat(decode(replica, "AWS_ACCESS_KEY_ID")).isEqualTo("AKIAFIRST0000000001");
        assertThat(decode(replica, "AWS_SECRET_ACCESS_KEY")).isEqualTo("first-secret");
        assertThat(ready()).containsEntry("reason", "SecretSynced");
        assertThat(onePassword.requests("GET")).isNotEmpty();
        onePassword.assertResponsesFollowedSpec();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Valid".equals(storeReady().get("reason")));
    }

    @Test
    void shouldKeepTheStaleReplicaAfterAHumanEditUntilForceSyncedWhenTheIntervalIsLong() {
        createExternalSecret();
        eso.start(scheduler, Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(15)).until(() -> "True".equals(ready().get("status")));

        onePassword.editField("Infrastructure", "loki-s3-config", "access_key", "AKIASECOND000000002");
        assertThat(eso.reconcile(new ObjectKey(NS, NAME))).isInstanceOf(SyncOutcome.Skipped.class);
        assertThat(replicaKeyId()).isEqualTo("AKIAFIRST0000000001");

        forceSync();

        await().atMost(Duration.ofSeconds(10)).until(() -> replicaKeyId().equals("AKIASECOND000000002"));
    }

    @Test
    void shouldReportSecretSyncedErrorWhenTheItemIsMissing() {
        onePassword.createVault("Other");
        createExternalSecret();
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(NAME)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"data\":null,\"dataFrom\":[{\"extract\":{\"key\":\"no-such-item\"}}]}}");
        eso.start(scheduler, Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(15)).until(() -> "False".equals(ready().get("status")));

        assertThat(ready()).containsEntry("reason", "SecretSyncedError");
        assertThat(client.secrets().inNamespace(NS).withName(NAME).get()).isNull();
    }

    @Test
    void shouldSyncThroughAClusterSecretStoreAndFailWithSecretSyncedErrorWhenItsTokenIsWrong() {
        createClusterSecretStore(List.of());
        createExternalSecret("ClusterSecretStore");
        eso.start(scheduler, Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(15)).until(() -> "True".equals(ready().get("status")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Valid".equals(condition(clusterStore()).get("reason")));

        tokenSecret("not-the-connect-token");
        // a hand edit: ESO must repair it, and cannot
        Secret replica = client.secrets().inNamespace(NS).withName(NAME).get();
        replica.getData().put("AWS_ACCESS_KEY_ID", b64("AKIAHANDEDIT00000003"));
        client.secrets().inNamespace(NS).resource(replica).update();

        await().atMost(Duration.ofSeconds(15)).until(() -> "False".equals(ready().get("status")));
        assertThat(ready()).containsEntry("reason", "SecretSyncedError");
        assertThat(replicaKeyId()).isEqualTo("AKIAHANDEDIT00000003");
    }

    @Test
    void shouldRefuseAClusterSecretStoreWhenItsConditionsLeaveTheNamespaceOut() {
        createClusterSecretStore(List.of(Map.of("namespaces", List.of("other"))));
        createExternalSecret("ClusterSecretStore");

        SyncOutcome outcome = eso.reconcile(new ObjectKey(NS, NAME));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SyncOutcome.Failed.class,
                        f -> assertThat(f.message())
                                .contains("onepassword-cluster")
                                .contains("not allowed from namespace \"" + NS + "\""));
        assertThat(client.secrets().inNamespace(NS).withName(NAME).get()).isNull();
    }

    @Test
    void shouldKeepASeededSyncUntilForceSyncedWhenTheVaultHasMovedOn() {
        createExternalSecret();
        eso.seedSync(
                new ObjectKey(NS, NAME),
                Map.of(
                        "AWS_ACCESS_KEY_ID", "AKIAOLDSEED000000004".getBytes(StandardCharsets.UTF_8),
                        "AWS_SECRET_ACCESS_KEY", "old-seed-secret".getBytes(StandardCharsets.UTF_8)));

        assertThat(eso.reconcile(new ObjectKey(NS, NAME))).isInstanceOf(SyncOutcome.Skipped.class);
        assertThat(eso.fetchCount(new ObjectKey(NS, NAME))).isZero();
        assertThat(ready()).containsEntry("reason", "SecretSynced");
        assertThat(replicaKeyId()).isEqualTo("AKIAOLDSEED000000004");

        forceSync();

        assertThat(eso.reconcile(new ObjectKey(NS, NAME))).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(replicaKeyId()).isEqualTo("AKIAFIRST0000000001");
    }

    private void forceSync() {
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(NAME)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"force-sync\":\"1700000000\"}}}");
    }

    private String replicaKeyId() {
        return decode(client.secrets().inNamespace(NS).withName(NAME).get(), "AWS_ACCESS_KEY_ID");
    }

    private void createClusterSecretStore(List<Map<String, Object>> conditions) {
        client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("external-secrets.io/v1")
                        .withKind("ClusterSecretStore")
                        .withNewMetadata()
                        .withName("onepassword-cluster")
                        .endMetadata()
                        .addToAdditionalProperties(
                                "spec",
                                Map.of(
                                        "conditions",
                                        conditions,
                                        "provider",
                                        onePasswordProvider(Map.of(
                                                "name", "onepassword-connect-token", "key", "token", "namespace", NS))))
                        .build())
                .create();
    }

    // spec.provider of a 1Password store on the Connect emulator, its token where tokenRef says
    private Map<String, Object> onePasswordProvider(Map<String, Object> tokenRef) {
        return Map.of(
                "onepassword",
                Map.of(
                        "connectHost",
                        onePassword.baseUri().toString(),
                        "vaults",
                        Map.of("Infrastructure", 1),
                        "auth",
                        Map.of("secretRef", Map.of("connectTokenSecretRef", tokenRef))));
    }

    private GenericKubernetesResource clusterStore() {
        return client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                .withName("onepassword-cluster")
                .get();
    }

    private void tokenSecret(String token) {
        Secret secret = client.secrets()
                .inNamespace(NS)
                .withName("onepassword-connect-token")
                .get();
        secret.getData().put("token", b64(token));
        client.secrets().inNamespace(NS).resource(secret).update();
    }

    private void createExternalSecret() {
        createExternalSecret("SecretStore");
    }

    private void createExternalSecret(String storeKind) {
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("external-secrets.io/v1")
                        .withKind("ExternalSecret")
                        .withNewMetadata()
                        .withName(NAME)
                        .withNamespace(NS)
                        .endMetadata()
                        .addToAdditionalProperties(
                                "spec",
                                Map.of(
                                        "refreshInterval", "1h",
                                        "secretStoreRef",
                                                Map.of(
                                                        "name",
                                                        storeKind.equals("SecretStore")
                                                                ? "onepassword"
                                                                : "onepassword-cluster",
                                                        "kind",
                                                        storeKind),
                                        "target", Map.of("name", NAME),
                                        "data",
                                                List.of(
                                                        Map.of(
                                                                "secretKey",
                                                                "AWS_ACCESS_KEY_ID",
                                                                "remoteRef",
                                                                Map.of(
                                                                        "key",
                                                                        "loki-s3-config",
                                                                        "property",
                                                                        "access_key")),
                                                        Map.of(
                                                                "secretKey",
                                                                "AWS_SECRET_ACCESS_KEY",
                                                                "remoteRef",
                                                                Map.of(
                                                                        "key",
                                                                        "loki-s3-config",
                                                                        "property",
                                                                        "secret_key")))))
                        .build())
                .create();
    }

    private Map<String, Object> ready() {
        return condition(client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(NAME)
                .get());
    }

    private Map<String, Object> storeReady() {
        return condition(client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inNamespace(NS)
                .withName("onepassword")
                .get());
    }

    private static Map<String, Object> condition(GenericKubernetesResource object) {
        List<Map<String, Object>> conditions = object.get("status", "conditions");
        if (conditions == null) {
            return Map.of();
        }
        return conditions.stream()
                .filter(c -> "Ready".equals(c.get("type")))
                .findFirst()
                .orElse(Map.of());
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
