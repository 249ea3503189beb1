package dev.credrift.sandbox.emulate.rook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.ObjectKey;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RookEmulatorIT {

    private static final String SECRET = "rook-ceph-object-user-storage-loki";

    private MockKubernetes kube;
    private KubernetesClient client;
    private S3StoreStandIn store;
    private RookEmulator rook;
    private S3ListProbe probe;

    @BeforeEach
    void start() {
        kube = MockKubernetes.start();
        client = kube.client();
        store = S3StoreStandIn.startHttp();
        store.createBucket("loki-chunks");
        rook = new RookEmulator(kube.newClient(), store, store.endpoint());
        probe = new S3ListProbe(store.endpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        rook.close();
        store.close();
        kube.close();
    }

    @Test
    void shouldWriteTheUserSecretExactlyAsRookDoesWhenAUserObjectAppears() {
        rook.start();
        createUser("loki", Map.of("store", "storage"));

        await().atMost(Duration.ofSeconds(10)).until(() -> secret() != null);

        Secret secret = secret();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/rook");
        assertThat(secret.getData()).containsOnlyKeys("AccessKey", "SecretKey", "Endpoint");
        assertThat(secret.getStringData()).isNullOrEmpty();
        assertThat(secret.getMetadata().getLabels())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "app",
                        "rook-ceph-rgw",
                        "user",
                        "loki",
                        "rook_cluster",
                        "storage",
                        "rook_object_store",
                        "storage"));
        GenericKubernetesResource user = user("loki");
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("CephObjectStoreUser");
            assertThat(owner.getApiVersion()).isEqualTo("ceph.rook.io/v1");
            assertThat(owner.getUid()).isEqualTo(user.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
        });
        assertThat(decode(secret, "Endpoint")).isEqualTo(store.endpoint().toString());
        assertThat(probe.probe(credential(secret), "loki-chunks")).isInstanceOf(ProbeResult.Accepted.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Ready".equals(user("loki").get("status", "phase")));
        assertThat(user("loki").<String>get("status", "info", "secretName")).isEqualTo(SECRET);
    }

    @Test
    void shouldRewriteTheSecretWithTheNewKeyAndLeaveTheOldOneRejectedWhenRotated() {
        createUser("loki", Map.of("store", "storage"));
        rook.reconcileAll();
        Credential before = credential(secret());

        Credential rotated = rook.rotate("storage", "storage", "loki");

        Credential after = credential(secret());
        assertThat(after).isEqualTo(rotated).isNotEqualTo(before);
        assertThat(probe.probe(before, "loki-chunks")).isEqualTo(new ProbeResult.Rejected("InvalidAccessKeyId", 403));
        assertThat(probe.probe(after, "loki-chunks")).isInstanceOf(ProbeResult.Accepted.class);
    }

    @Test
    void shouldAdoptAnExistingStoreUserAndWriteItsFirstKeyByAccessKeyOrder() {
        store.addUser("loki", Credential.of("ZZZZOLDKEY0000000001", "old-secret-value"));
        store.addKey("loki", Credential.of("AAAANEWKEY0000000002", "new-secret-value"));
        createUser("loki", Map.of("store", "storage"));

        rook.reconcileAll();

        assertThat(decode(secret(), "AccessKey")).isEqualTo("AAAANEWKEY0000000002");
    }

    @Test
    void shouldRestoreTheSecretWhenSomeoneEditsIt() {
        rook.start();
        createUser("loki", Map.of("store", "storage"));
        await().atMost(Duration.ofSeconds(10)).until(() -> secret() != null);
        Credential written = credential(secret());

        client.secrets()
                .inNamespace("storage")
                .withName(SECRET)
                .edit(s -> new SecretBuilder(s)
                        .addToData(
                                "AccessKey",
                                Base64.getEncoder().encodeToString("EDITED".getBytes(StandardCharsets.UTF_8)))
                        .build());

        await().atMost(Duration.ofSeconds(10)).until(() -> credential(secret()).equals(written));
    }

    @Test
    void shouldTakeKeysFromSpecKeysAndRefuseToRotateThem() {
        client.secrets()
                .inNamespace("storage")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("loki-keys")
                        .withNamespace("storage")
                        .endMetadata()
                        .addToData("id", b64("LOKIGIVENKEY00000001"))
                        .addToData("secret", b64("given-secret"))
                        .build())
                .create();
        createUser(
                "loki",
                Map.of(
                        "store",
                        "storage",
                        "keys",
                        List.of(Map.of(
                                "accessKeyRef", Map.of("name", "loki-keys", "key", "id"),
                                "secretKeyRef", Map.of("name", "loki-keys", "key", "secret")))));

        rook.reconcileAll();

        assertThat(store.keys("loki")).containsExactly(Credential.of("LOKIGIVENKEY00000001", "given-secret"));
        assertThat(decode(secret(), "AccessKey")).isEqualTo("LOKIGIVENKEY00000001");
        assertThatThrownBy(() -> rook.rotate("storage", "storage", "loki"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.keys");
    }

    @Test
    void shouldRemoveTheSecretAndTheStoreUserWhenTheUserObjectIsDeleted() {
        createUser("loki", Map.of("store", "storage"));
        rook.reconcileAll();

        client.genericKubernetesResources(EmulatedKinds.CEPH_OBJECT_STORE_USER)
                .inNamespace("storage")
                .withName("loki")
                .delete();
        rook.reconcile(new ObjectKey("storage", "loki"));

        assertThat(secret()).isNull();
        assertThatThrownBy(() -> store.keys("loki")).isInstanceOf(IllegalArgumentException.class);
    }

    private void createUser(String name, Map<String, Object> spec) {
        client.genericKubernetesResources(EmulatedKinds.CEPH_OBJECT_STORE_USER)
                .inNamespace("storage")
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("ceph.rook.io/v1")
                        .withKind("CephObjectStoreUser")
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("storage")
                        .endMetadata()
                        .addToAdditionalProperties("spec", spec)
                        .build())
                .create();
    }

    private GenericKubernetesResource user(String name) {
        return client.genericKubernetesResources(EmulatedKinds.CEPH_OBJECT_STORE_USER)
                .inNamespace("storage")
                .withName(name)
                .get();
    }

    private Secret secret() {
        return client.secrets().inNamespace("storage").withName(SECRET).get();
    }

    private static Credential credential(Secret secret) {
        return Credential.of(decode(secret, "AccessKey"), decode(secret, "SecretKey"));
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
