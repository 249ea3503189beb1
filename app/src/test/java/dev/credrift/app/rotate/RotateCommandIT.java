package dev.credrift.app.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.KubeconfigFile;
import dev.credrift.app.cli.Environment;
import dev.credrift.sandbox.kube.MockKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code credrift rotate} against the sandbox's mock Kubernetes, with this test playing the reconciler: it waits for
 * the annotation, then writes {@code status.rotation} phase by phase for that token.
 */
class RotateCommandIT {

    private static final String API = "credrift.dev/v1alpha1";
    private static final String KIND = "CredentialBinding";
    private static final String NEW_KEY = "S1CF…N6CK";
    // a secret planted in the binding's world: no output may ever show it
    private static final String PLANTED_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    private MockKubernetes kube;
    private Path kubeconfig;

    @BeforeEach
    void startKubernetes() throws Exception {
        kube = MockKubernetes.start();
        kubeconfig = KubeconfigFile.write(dir, kube.url(), "monitoring");
    }

    @AfterEach
    void stopKubernetes() {
        kube.close();
    }

    @Test
    void shouldPrintEachPhaseAndExitZeroWhenTheRotationCompletes() throws Exception {
        create("tempo-s3", minioSpec(Map.of("every", "720h")), previousRotation());
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> rotate("tempo-s3", "--wait"));

        String token = awaitToken("tempo-s3");
        for (String phase : List.of("Minting", "ProbingNew", "WritingVault", "Rolling", "Revoking", "Completed")) {
            setRotation("tempo-s3", token, phase, phase.equals("Completed") ? "old key revoked" : null);
        }
        Run done = run.get(30, TimeUnit.SECONDS);

        assertThat(done.exit()).as(done.out()).isZero();
        assertThat(done.out())
                .contains("asked for a rotation of monitoring/tempo-s3 (credrift.dev/rotate-now=" + token + ")")
                .containsSubsequence("Minting", "ProbingNew", "WritingVault", "Rolling", "Revoking", "Completed")
                .contains("Completed  new key " + NEW_KEY + "  old key revoked")
                .contains("rotation of monitoring/tempo-s3 Completed")
                .doesNotContain(PLANTED_SECRET);
        assertThat(Instant.parse(token)).isNotNull();
    }

    @Test
    void shouldExitOneAndSayWhyWhenTheRotationHalts() throws Exception {
        create("tempo-s3", minioSpec(null), null);
        CompletableFuture<Run> run =
                CompletableFuture.supplyAsync(() -> rotate("tempo-s3", "-n", "monitoring", "--wait"));

        String token = awaitToken("tempo-s3");
        setRotation("tempo-s3", token, "Rolling", null);
        setRotation("tempo-s3", token, "Halted", "pod tempo-0 not ready on the new key; old key still valid");
        Run halted = run.get(30, TimeUnit.SECONDS);

        assertThat(halted.exit()).as(halted.out()).isEqualTo(RotateCommand.NOT_COMPLETED);
        assertThat(halted.out())
                .contains("Halted  new key " + NEW_KEY + "  pod tempo-0 not ready on the new key; old key still valid")
                .contains("rotation of monitoring/tempo-s3 Halted");
    }

    @Test
    void shouldTimeOutWithExitOneIgnoringTheStatusOfAnEarlierRequest() {
        create("tempo-s3", minioSpec(Map.of("every", "720h")), previousRotation());

        Run late = rotate("tempo-s3", "--wait", "--timeout", "1s");

        assertThat(late.exit()).as(late.out()).isEqualTo(RotateCommand.NOT_COMPLETED);
        assertThat(late.out())
                .contains("timed out after 1 s")
                .contains("credrift has not acted on the request yet")
                .doesNotContain("rotation of monitoring/tempo-s3 Completed");
    }

    @Test
    void shouldOnlySetTheAnnotationAndKeepTheOthersWhenNotWaiting() {
        create("tempo-s3", minioSpec(null), null);

        Run asked = rotate("tempo-s3");

        assertThat(asked.exit()).as(asked.out()).isZero();
        Map<String, String> annotations =
                binding("tempo-s3").get().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("team", "observability");
        assertThat(Instant.parse(annotations.get(RotateRequest.ANNOTATION))).isNotNull();
        assertThat(asked.out()).contains("follow it with: credrift rotate tempo-s3 -n monitoring --wait");
    }

    @Test
    void shouldExitTwoNamingTheBindingWhenItDoesNotExist() {
        Run missing = rotate("loki-s3", "-n", "monitoring");

        assertThat(missing.exit()).isEqualTo(RotateCommand.BAD_INPUT);
        assertThat(missing.out()).contains("credrift: no CredentialBinding monitoring/loki-s3");
    }

    @Test
    void shouldExitTwoSayingWhyWhenTheBindingHasNoRotationAndARookSource() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("source", Map.of("rookObjectUser", Map.of("name", "loki", "namespace", "storage")));
        create("loki-s3", spec, null);

        Run refused = rotate("loki-s3");

        assertThat(refused.exit()).isEqualTo(RotateCommand.BAD_INPUT);
        assertThat(refused.out())
                .contains("CredentialBinding monitoring/loki-s3 has no spec.rotation")
                .contains("spec.rotation.adminSecretRef");
        assertThat(binding("loki-s3").get().getMetadata().getAnnotations()).doesNotContainKey(RotateRequest.ANNOTATION);
    }

    @Test
    void shouldRefuseANameThatCannotNameABindingWithUsageExitTwo() {
        Run bad = rotate("Tempo_S3");

        assertThat(bad.exit()).isEqualTo(RotateCommand.BAD_INPUT);
        assertThat(bad.out()).contains("NAME: 'Tempo_S3' is not a Kubernetes object name");
    }

    private String awaitToken(String name) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            Map<String, String> a =
                                    binding(name).get().getMetadata().getAnnotations();
                            return a == null ? null : a.get(RotateRequest.ANNOTATION);
                        },
                        token -> token != null);
    }

    private void setRotation(String name, String token, String phase, String message) {
        Map<String, Object> rotation = new LinkedHashMap<>();
        rotation.put("phase", phase);
        rotation.put("lastRequest", token);
        rotation.put("newKey", Map.of("accessKeyId", NEW_KEY, "fingerprint", "sha256:x10pd8jG"));
        if (message != null) {
            rotation.put("message", message);
        }
        // the CRD has a status subresource: the reconciler writes status through it, and so does this test
        binding(name).editStatus(b -> {
            b.getAdditionalProperties().put("status", Map.of("rotation", rotation));
            return b;
        });
    }

    private static Map<String, Object> previousRotation() {
        return Map.of("rotation", Map.of("phase", "Completed", "lastRequest", "2026-11-01T00:00:00Z"));
    }

    private static Map<String, Object> minioSpec(Map<String, Object> rotation) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "source",
                Map.of(
                        "minio",
                        Map.of("endpoint", "http://127.0.0.1:9000", "adminSecretRef", Map.of("name", "minio-root"))));
        spec.put("vault", Map.of("onePassword", Map.of("vault", "Infrastructure", "item", "tempo-s3-config")));
        if (rotation != null) {
            spec.put("rotation", rotation);
        }
        return spec;
    }

    private void create(String name, Map<String, Object> spec, Map<String, Object> status) {
        GenericKubernetesResource binding = new GenericKubernetesResource();
        binding.setApiVersion(API);
        binding.setKind(KIND);
        binding.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("monitoring")
                .withAnnotations(Map.of("team", "observability", "note", PLANTED_SECRET.substring(0, 4)))
                .build());
        binding.getAdditionalProperties().put("spec", spec);
        if (status != null) {
            binding.getAdditionalProperties().put("status", status);
        }
        kube.client()
                .genericKubernetesResources(API, KIND)
                .inNamespace("monitoring")
                .resource(binding)
                .create();
    }

    private Resource<GenericKubernetesResource> binding(String name) {
        return kube.client()
                .genericKubernetesResources(API, KIND)
                .inNamespace("monitoring")
                .withName(name);
    }

    private Run rotate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "rotate";
        all[1] = "--kubeconfig";
        all[2] = kubeconfig.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int exit = commandLine.execute(all);
        return new Run(exit, out + err.toString());
    }

    private record Run(int exit, String out) {}
}
