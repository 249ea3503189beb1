package dev.credrift.sandbox.emulate.rook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.rgw.RealRgwExtension;
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
import org.junit.jupiter.api.extension.ExtendWith;

/** The Rook emulator with its users on a real RGW: the user Secret carries keys RGW generated, and RGW takes them. */
@ExtendWith(RealRgwExtension.class)
class RookRealRgwIT {

    private MockKubernetes kube;
    private KubernetesClient client;
    private RealRgw rgw;
    private RookEmulator rook;
    private S3ListProbe probe;

    @BeforeEach
    void start(RealRgw started) {
        rgw = started;
        kube = MockKubernetes.start();
        client = kube.client();
        rook = new RookEmulator(kube.newClient(), ObjectStoreUsers.of(rgw), rgw.endpoint());
        probe = new S3ListProbe(rgw.endpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        rook.close();
        kube.close();
    }

    @Test
    void shouldWriteTheKeyRgwGeneratedWhenAUserObjectAppears() {
        createUser("loki");

        rook.reconcileAll();

        Credential written = credential(secret("loki"));
        assertThat(rgw.user("loki").keys()).containsExactly(written);
        assertThat(decode(secret("loki"), "Endpoint")).isEqualTo(rgw.endpoint().toString());
        rgw.createBucket(written, "loki-chunks");
        assertThat(probe.probe(written, "loki-chunks")).isInstanceOf(ProbeResult.Accepted.class);
    }

    @Test
    void shouldWriteTheNewKeyAndLeaveTheOldOneRejectedWhenRotatedOnRgw() {
        createUser("tempo");
        rook.reconcileAll();
        Credential before = credential(secret("tempo"));
        rgw.createBucket(before, "tempo-traces");

        Credential rotated = rook.rotate("storage", "storage", "tempo");

        Credential after = credential(secret("tempo"));
        assertThat(after).isEqualTo(rotated).isNotEqualTo(before);
        assertThat(rgw.user("tempo").keys()).containsExactly(rotated);
        assertThat(probe.probe(before, "tempo-traces")).isEqualTo(new ProbeResult.Rejected("InvalidAccessKeyId", 403));
        assertThat(probe.probe(after, "tempo-traces")).isInstanceOf(ProbeResult.Accepted.class);
    }

    @Test
    void shouldWriteTheFirstKeyByAccessKeyOrderWhenRgwHoldsTwo() {
        createUser("mimir");
        rook.reconcileAll();

        Credential added = rook.addKey("storage", "storage", "mimir");

        Credential first = rgw.user("mimir").keys().get(0);
        assertThat(rgw.user("mimir").keys()).hasSize(2).contains(added);
        assertThat(credential(secret("mimir"))).isEqualTo(first);
    }

    @Test
    void shouldCreateTheRgwUserWithTheGivenKeysWhenSpecKeysAreSet() {
        Credential given = Credential.of("GIVENKEY000000000001", "given-secret-given-secret-given-secret-1");
        client.secrets()
                .inNamespace("storage")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("pyroscope-keys")
                        .withNamespace("storage")
                        .endMetadata()
                        .addToData("access", encode(given.accessKeyId()))
                        .addToData("secret", encode(given.secret().reveal()))
                        .build())
                .create();
        createUser(
                "pyroscope",
                Map.of(
                        "store",
                        "storage",
                        "keys",
                        List.of(Map.of(
                                "accessKeyRef", Map.of("name", "pyroscope-keys", "key", "access"),
                                "secretKeyRef", Map.of("name", "pyroscope-keys", "key", "secret")))));

        rook.reconcileAll();

        assertThat(rgw.user("pyroscope").keys()).containsExactly(given);
        assertThat(credential(secret("pyroscope"))).isEqualTo(given);
        rgw.createBucket(given, "pyroscope-profiles");
        assertThat(probe.probe(given, "pyroscope-profiles")).isInstanceOf(ProbeResult.Accepted.class);
    }

    private void createUser(String name) {
        createUser(name, Map.of("store", "storage"));
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

    private Secret secret(String user) {
        return client.secrets()
                .inNamespace("storage")
                .withName("rook-ceph-object-user-storage-" + user)
                .get();
    }

    private static Credential credential(Secret secret) {
        return Credential.of(decode(secret, "AccessKey"), decode(secret, "SecretKey"));
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
