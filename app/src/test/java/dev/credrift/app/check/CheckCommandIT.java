package dev.credrift.app.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.KubeconfigFile;
import dev.credrift.app.cli.Environment;
import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code credrift check} against story 1's world with no credrift running: in sync at first, then — once RGW has
 * rotated loki's keys — VAULT_STALE with the plan credrift would follow; nothing changed, no secret printed. With
 * {@code spec.rotation}, one more line: the key's age and the next rotation (or why none, or the maxAge alert).
 */
class CheckCommandIT {

    private static final String ROTATION = "  rotation   ";

    @TempDir
    Path dir;

    private World world;
    private Path config;

    @BeforeEach
    void startWorld() throws Exception {
        byte[] fingerprintKey = new byte[32];
        new java.security.SecureRandom().nextBytes(fingerprintKey);
        world = World.start(
                BuiltInWorlds.load("story-1-loki-rook-1password"),
                WorldOptions.defaults().withFingerprintKey(fingerprintKey));
        Path key = Files.write(dir.resolve("fingerprint.key"), fingerprintKey);
        Path token = Files.writeString(
                dir.resolve("connect.token"), world.onePasswordToken().reveal());
        Path kubeconfig = KubeconfigFile.write(dir, world.kubernetesUrl(), "monitoring");
        config = Files.writeString(
                dir.resolve("credrift.yaml"), """
                fingerprintKeyFile: %s
                kubernetes: {kubeconfig: %s}
                onePassword: {url: "%s", tokenFile: %s}
                """.formatted(key, kubeconfig, world.onePasswordUrl(), token));
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void shouldReportInSyncThenTheDriftAndItsPlanWhenRgwRotatesAndChangeNothing() {
        Run inSync = check();
        assertThat(inSync.exit()).as(inSync.out()).isZero();
        assertThat(inSync.out()).contains("monitoring/loki-s3  IN_SYNC").contains("Accepted");

        Credential rotated = world.rook().rotate("storage", "storage", "loki");
        world.onePassword().clearRequests();
        // the Rook emulator writes the new Secret; the check must see it
        await().atMost(20, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> check().out().contains("VAULT_STALE"));
        Run drifted = check();

        assertThat(drifted.exit()).as(drifted.out()).isEqualTo(CheckCommand.DRIFTED);
        assertThat(drifted.out())
                .contains("monitoring/loki-s3  VAULT_STALE")
                .contains("vault      ✗")
                .contains("would do   probe store")
                .contains("write vault")
                .contains("force sync")
                .contains("roll out StatefulSet monitoring/loki")
                .contains(rotated.maskedAccessKeyId().toString())
                .doesNotContain(rotated.secret().reveal())
                .doesNotContain(rotated.accessKeyId())
                .doesNotContain(world.onePasswordToken().reveal());
        assertThat(world.onePassword().requests()).noneMatch(r -> r.isWrite());
        assertThat(world.onePassword()
                        .readField("Infrastructure", "loki-s3-config", "access_key")
                        .reveal())
                .isNotEqualTo(rotated.accessKeyId());
        assertThat(world.kubernetesClient()
                        .genericKubernetesResources("external-secrets.io/v1", "ExternalSecret")
                        .inNamespace("monitoring")
                        .withName("loki-s3-credentials")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a).doesNotContainKey("force-sync"));
    }

    @Test
    void shouldPrintTheKeyAgeLineWhenTheBindingDeclaresRotationOnly() {
        Run plain = check();
        assertThat(plain.out())
                .as(plain.out())
                .contains("monitoring/loki-s3  IN_SYNC")
                .doesNotContain(ROTATION);

        setRotation(Map.of("every", "816h", "adminSecretRef", Map.of("name", "rgw-admin", "namespace", "storage")));
        // story 1's Rook user has no spec.keys: Rook would delete a second key, so no overlap and no rotation
        assertThat(check().out())
                .containsPattern(
                        ROTATION + "key age \\d+ min, not rotated: the CephObjectStoreUser" + " has no spec.keys");

        Secret rookSecret = rookSecret().get();
        kube().secrets()
                .inNamespace("storage")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("loki-keys")
                        .endMetadata()
                        .addToData("AccessKey", rookSecret.getData().get("AccessKey"))
                        .addToData("SecretKey", rookSecret.getData().get("SecretKey"))
                        .build())
                .create();
        kube().genericKubernetesResources("ceph.rook.io/v1", "CephObjectStoreUser")
                .inNamespace("storage")
                .withName("loki")
                .edit(user -> {
                    spec(user)
                            .put(
                                    "keys",
                                    List.of(Map.of(
                                            "accessKeyRef", Map.of("name", "loki-keys", "key", "AccessKey"),
                                            "secretKeyRef", Map.of("name", "loki-keys", "key", "SecretKey"))));
                    return user;
                });
        // the sandbox cannot let a month pass: it records, as an API server would, that Rook wrote the data then
        Instant written = Instant.now()
                .minus(Duration.ofDays(31))
                .minus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS);
        FieldsV1 data = new FieldsV1();
        data.setAdditionalProperty("f:data", Map.of());
        rookSecret()
                .edit(secret -> new SecretBuilder(secret)
                        .editMetadata()
                        .withManagedFields(new ManagedFieldsEntryBuilder()
                                .withManager("rook")
                                .withOperation("Update")
                                .withTime(written.toString())
                                .withFieldsType("FieldsV1")
                                .withFieldsV1(data)
                                .build())
                        .endMetadata()
                        .build());

        await().atMost(20, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> check().out().contains(ROTATION + "key age 31 d, next rotation in 2 d"));

        setRotation(Map.of("maxAge", "720h"));
        Run alert = check();
        assertThat(alert.out())
                .contains(ROTATION + "key age 31 d, older than maxAge 30 d")
                .doesNotContain(new String(
                        Base64.getDecoder().decode(rookSecret.getData().get("SecretKey")), StandardCharsets.UTF_8));
        assertThat(alert.exit()).as(alert.out()).isZero();
    }

    @Test
    void shouldPrintThePodsTokenLifetimesWhenARoleBasedBindingDeclaresRotation() {
        kube().genericKubernetesResources("credrift.dev/v1alpha1", "CredentialBinding")
                .inNamespace("monitoring")
                .resource(kube().getKubernetesSerialization().unmarshal("""
                        apiVersion: credrift.dev/v1alpha1
                        kind: CredentialBinding
                        metadata: {name: loki-irsa, namespace: monitoring}
                        spec:
                          mode: Remediate
                          authority: Source
                          source:
                            webIdentity:
                              provider: aws
                              roleArn: arn:aws:iam::111122223333:role/loki-s3
                              serviceAccount: loki-irsa
                          store: {endpoint: "https://s3.eu-west-1.amazonaws.com", bucket: loki-chunks, region: eu-west-1}
                          rotation: {maxAge: 2160h}
                        """, GenericKubernetesResource.class))
                .create();
        // what the EKS pod-identity webhook injects into a pod of an annotated ServiceAccount
        kube().pods()
                .inNamespace("monitoring")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("loki-irsa-0")
                        .endMetadata()
                        .withNewSpec()
                        .withServiceAccountName("loki-irsa")
                        .addNewContainer()
                        .withName("loki")
                        .withImage("grafana/loki:3.1.0")
                        .endContainer()
                        .addNewVolume()
                        .withName("aws-iam-token")
                        .withNewProjected()
                        .addNewSource()
                        .withServiceAccountToken(
                                new ServiceAccountTokenProjection("sts.amazonaws.com", 86400L, "token"))
                        .endSource()
                        .endProjected()
                        .endVolume()
                        .endSpec()
                        .build())
                .create();

        Run run = check("loki-irsa");

        assertThat(run.out())
                .as(run.out())
                .contains(ROTATION + "not rotated: role-based binding: no static key to rotate; the pods' web-identity"
                        + " tokens (audience sts.amazonaws.com) live 24 h, renewed by the kubelet")
                .doesNotContain("key age");
    }

    @Test
    void shouldSayNotCheckedAndExitThreeWhenTheBindingDoesNotExist() {
        Run missing = check("no-such-binding");

        assertThat(missing.exit()).isEqualTo(CheckCommand.NOT_ASSESSED);
        assertThat(missing.out())
                .contains("monitoring/no-such-binding  NOT CHECKED")
                .contains("no CredentialBinding monitoring/no-such-binding");
    }

    private KubernetesClient kube() {
        return world.kubernetesClient();
    }

    private Resource<Secret> rookSecret() {
        return kube().secrets().inNamespace("storage").withName("rook-ceph-object-user-storage-loki");
    }

    private void setRotation(Map<String, Object> rotation) {
        kube().genericKubernetesResources("credrift.dev/v1alpha1", "CredentialBinding")
                .inNamespace("monitoring")
                .withName("loki-s3")
                .edit(binding -> {
                    spec(binding).put("rotation", rotation);
                    return binding;
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private Run check(String... names) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] args = new String[3 + names.length];
        args[0] = "check";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(names, 0, args, 3, names.length);
        int exit = commandLine.execute(args);
        return new Run(exit, out + err.toString());
    }

    private record Run(int exit, String out) {}
}
