package dev.credrift.reconciler.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.ProblemCode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WorldParsingTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final OnePasswordFields FIELDS = new OnePasswordFields("access_key", "secret_key");

    @Test
    void shouldFindReplicaKeysWhenExternalSecretMapsVaultFields() {
        ExternalSecretState es = ExternalSecretParser.parse(es("""
                {"apiVersion":"external-secrets.io/v1","kind":"ExternalSecret",
                 "metadata":{"name":"loki-s3-credentials","namespace":"monitoring","annotations":{"force-sync":"17"}},
                 "spec":{"refreshInterval":"1h","target":{"name":"loki-s3"},
                   "data":[{"secretKey":"AWS_ACCESS_KEY_ID","remoteRef":{"key":"loki-s3-config","property":"access_key"}},
                           {"secretKey":"AWS_SECRET_ACCESS_KEY","remoteRef":{"key":"loki-s3-config","property":"secret_key"}}]},
                 "status":{"conditions":[{"type":"Ready","status":"False","reason":"SecretSyncedError"}]}}
                """), FIELDS);

        assertThat(es.targetSecret()).isEqualTo("loki-s3");
        assertThat(es.accessKeyIdKey()).isEqualTo("AWS_ACCESS_KEY_ID");
        assertThat(es.secretKeyKey()).isEqualTo("AWS_SECRET_ACCESS_KEY");
        assertThat(es.forceSync()).contains("17");
        assertThat(es.syncFailing()).isTrue();
        assertThat(es.forceSyncIgnoredBecause()).isEmpty();
    }

    @Test
    void shouldUseFieldLabelsWhenExternalSecretExtractsTheWholeItem() {
        ExternalSecretState es = ExternalSecretParser.parse(es("""
                {"apiVersion":"external-secrets.io/v1","kind":"ExternalSecret",
                 "metadata":{"name":"x","namespace":"monitoring"},
                 "spec":{"dataFrom":[{"extract":{"key":"loki-s3-config"}}]}}
                """), FIELDS);

        assertThat(es.targetSecret()).isEqualTo("x");
        assertThat(es.accessKeyIdKey()).isEqualTo("access_key");
        assertThat(es.ready()).isEqualTo("Unknown");
    }

    @Test
    void shouldSayWhyWhenEsoIgnoresForceSync() {
        assertThat(ExternalSecretParser.parse(es("""
                {"metadata":{"name":"x","namespace":"m"},"spec":{"refreshInterval":"0"}}"""), FIELDS).forceSyncIgnoredBecause())
                .hasValueSatisfying(why -> assertThat(why).contains("refreshInterval 0"));
        assertThat(ExternalSecretParser.parse(es("""
                {"metadata":{"name":"x","namespace":"m"},"spec":{"refreshInterval":"0s"}}"""), FIELDS).forceSyncIgnoredBecause())
                .isPresent();
        assertThat(ExternalSecretParser.parse(es("""
                {"metadata":{"name":"x","namespace":"m"},"spec":{"refreshInterval":"1h","refreshPolicy":"CreatedOnce"}}
                """), FIELDS).forceSyncIgnoredBecause())
                .hasValueSatisfying(why -> assertThat(why).contains("CreatedOnce"));
        assertThat(ExternalSecretParser.parse(es("""
                {"metadata":{"name":"x","namespace":"m"},"spec":{"refreshInterval":"10m"}}"""), FIELDS).forceSyncIgnoredBecause())
                .isEmpty();
    }

    @Test
    void shouldNameTheKeyWhenSecretLacksIt() {
        Hop<Credential> read = SecretCredentials.read(secret("AccessKey", "AKIAEXAMPLE1"), "AccessKey", "SecretKey");

        assertThat(read).isInstanceOfSatisfying(Hop.Unreadable.class, u -> {
            assertThat(u.code()).isEqualTo(ProblemCode.MISSING_KEY);
            assertThat(u.detail()).contains("SecretKey").contains("storage/rook");
        });
    }

    @Test
    void shouldReadTheCredentialWhenBothKeysArePresent() {
        Secret secret = new SecretBuilder(secret("AccessKey", "AKIAEXAMPLE1"))
                .addToData("SecretKey", b64("very-secret-value"))
                .build();

        Hop<Credential> read = SecretCredentials.read(secret, "AccessKey", "SecretKey");

        assertThat(read.value())
                .hasValueSatisfying(c -> assertThat(c.accessKeyId()).isEqualTo("AKIAEXAMPLE1"));
    }

    @Test
    void shouldSayEmptyWhenAKeyIsEmpty() {
        Secret secret = new SecretBuilder(secret("AccessKey", "AKIAEXAMPLE1"))
                .addToData("SecretKey", "")
                .build();

        assertThat(SecretCredentials.read(secret, "AccessKey", "SecretKey"))
                .isInstanceOfSatisfying(
                        Hop.Unreadable.class, u -> assertThat(u.code()).isEqualTo(ProblemCode.EMPTY_DATA));
    }

    @Test
    void shouldRoundTripWorkloadRefsWhenJournaled() {
        WorkloadRef ref = new WorkloadRef(WorkloadKind.DAEMON_SET, "monitoring", "promtail");

        assertThat(WorkloadRef.parse(ref.describe())).isEqualTo(ref);
        assertThat(ref.describe()).isEqualTo("DaemonSet monitoring/promtail");
    }

    private static GenericKubernetesResource es(String json) {
        return SERIALIZATION.unmarshal(json, GenericKubernetesResource.class);
    }

    private static Secret secret(String key, String value) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("storage")
                .withName("rook-ceph-object-user-storage-loki")
                .endMetadata()
                .addToData(key, b64(value))
                .build();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
