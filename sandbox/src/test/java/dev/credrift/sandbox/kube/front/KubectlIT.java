package dev.credrift.sandbox.kube.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code kubectl} (1.32, {@code /usr/bin/kubectl}) against story 1's world, through the kubeconfig the
 * sandbox writes: each command an SRE types when paged, with its output checked. Skipped, saying why, where kubectl
 * is not installed.
 */
class KubectlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BINDINGS = "credentialbindings";
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    static Path directory;

    private static World world;
    private static Kubectl kubectl;

    @BeforeAll
    static void startWorld() {
        Assumptions.assumeTrue(
                Kubectl.installed(),
                "kubectl is not installed at " + Kubectl.BINARY
                        + ": the kubectl ITs need the machine image's kubectl v1.32");
        world = World.start(BuiltInWorlds.load("story-1-loki-rook-1password"), WorldOptions.worldOnly());
        assertThat(world.settled()).as("story 1's world settles").isTrue();
        Path kubeconfig = world.kubernetes().writeKubeconfig(directory.resolve("kubeconfig"), "monitoring");
        kubectl = new Kubectl(kubeconfig, directory);
        KubernetesClient client = world.kubernetesClient();
        client.apps()
                .deployments()
                .inNamespace("monitoring")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("grafana")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "grafana")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "grafana")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("grafana")
                        .withImage("grafana/grafana:11.0.0")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        patchStatus("""
                {"status": {"driftClass": "IN_SYNC", "lastRemediation": {"outcome": "Succeeded"},
                 "conditions": [{"type": "InSync", "status": "True", "reason": "InSync",
                                 "lastTransitionTime": "2026-01-01T00:00:00Z"}]}}""");
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void shouldPrintTheServerVersionWhenAskedForVersion() {
        Kubectl.Run run = ok("version");
        assertThat(run.out()).contains("Client Version: v1.32").contains("Server Version: " + Discovery.GIT_VERSION);
        assertThat(run.err()).doesNotContain("WARNING");
    }

    @Test
    void shouldListBuiltinAndCustomResourcesWhenAskedForApiResources() {
        Kubectl.Run run = ok("api-resources");
        assertThat(rowStartingWith(run.out(), BINDINGS))
                .containsExactly(BINDINGS, "cb,credbinding", "credrift.dev/v1alpha1", "true", "CredentialBinding");
        assertThat(rowStartingWith(run.out(), "statefulsets"))
                .containsExactly("statefulsets", "sts", "apps/v1", "true", "StatefulSet");
        assertThat(rowStartingWith(run.out(), "externalsecrets"))
                .containsExactly("externalsecrets", "es", "external-secrets.io/v1", "true", "ExternalSecret");
        assertThat(rowStartingWith(run.out(), "namespaces")).contains("false");
    }

    @Test
    void shouldPrintTheCrdPrinterColumnsWhenGettingBindings() {
        Kubectl.Run run = ok("get", BINDINGS, "-A");
        assertThat(run.out().lines().findFirst().orElseThrow())
                .matches("NAMESPACE +NAME +MODE +INSYNC +CLASS +LAST REMEDIATION +AGE");
        assertThat(rowStartingWith(run.out(), "monitoring"))
                .containsExactly(
                        "monitoring",
                        "loki-s3",
                        "Remediate",
                        "True",
                        "IN_SYNC",
                        "Succeeded",
                        cells(run.out(), "monitoring")[6]);
        assertThat(cells(run.out(), "monitoring")[6]).matches("\\d+(s|m\\d*s?)");
        Kubectl.Run wide = ok("get", "cb", "loki-s3", "-o", "wide");
        assertThat(wide.out().lines().findFirst().orElseThrow()).contains("VALID", "HALTED", "REMEDIATED");
    }

    @Test
    void shouldPrintTheUsualColumnsWhenGettingBuiltinKinds() {
        assertThat(header(ok("get", "pods"))).matches("NAME +READY +STATUS +RESTARTS +AGE");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                rowStartingWith(ok("get", "pods").out(), "loki-0"))
                        .startsWith("loki-0", "1/1", "Running", "0"));
        assertThat(header(ok("get", "secrets"))).matches("NAME +TYPE +DATA +AGE");
        assertThat(rowStartingWith(ok("get", "secrets").out(), "loki-s3-credentials"))
                .startsWith("loki-s3-credentials", "Opaque", "2");
        assertThat(header(ok("get", "statefulsets"))).matches("NAME +READY +AGE");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(rowStartingWith(ok("get", "sts").out(), "loki"))
                        .startsWith("loki", "2/2"));
        assertThat(header(ok("get", "deployments"))).matches("NAME +READY +UP-TO-DATE +AVAILABLE +AGE");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                rowStartingWith(ok("get", "deploy").out(), "grafana"))
                        .startsWith("grafana", "1/1", "1", "1"));
        Kubectl.Run externalSecrets = ok("get", "externalsecrets");
        assertThat(header(externalSecrets))
                .matches("NAME +STORETYPE +STORE +REFRESH INTERVAL +STATUS +READY +LAST SYNC");
        assertThat(rowStartingWith(externalSecrets.out(), "loki-s3-credentials"))
                .startsWith("loki-s3-credentials", "SecretStore", "onepassword", "1h", "SecretSynced", "True");
    }

    @Test
    void shouldPrintTheWholeObjectWhenAskedForYamlOrJson() throws Exception {
        JsonNode binding = JSON.readTree(
                ok("get", "credentialbinding", "loki-s3", "-o", "json").out());
        assertThat(binding.path("kind").asText()).isEqualTo("CredentialBinding");
        assertThat(binding.path("spec")
                        .path("replica")
                        .path("externalSecret")
                        .path("name")
                        .asText())
                .isEqualTo("loki-s3-credentials");
        JsonNode list = JSON.readTree(ok("get", "sts", "-o", "json").out());
        assertThat(list.path("items")
                        .get(0)
                        .path("spec")
                        .path("updateStrategy")
                        .path("type")
                        .asText())
                .as("defaulted as a real API server does")
                .isEqualTo("RollingUpdate");
        assertThat(ok("get", "cb", "loki-s3", "-o", "yaml").out())
                .contains("kind: CredentialBinding", "name: loki-s3", "driftClass: IN_SYNC");
    }

    @Test
    void shouldShowTheBindingsEventsWhenDescribingItAndSelectingEventsByField() {
        recordEvent("VaultStale", "1Password item 'loki-s3-config' holds an old key");
        Kubectl.Run describe = ok("describe", "credentialbinding", "loki-s3");
        assertThat(describe.out()).contains("Name:         loki-s3", "Kind:         CredentialBinding");
        String events = describe.out().substring(describe.out().indexOf("Events:"));
        assertThat(events)
                .contains(
                        "Type",
                        "Reason",
                        "From",
                        "Message",
                        "Warning",
                        "VaultStale",
                        "credrift",
                        "1Password item 'loki-s3-config' holds an old key");

        Kubectl.Run selected = ok(
                "get",
                "events",
                "--field-selector",
                "involvedObject.kind=CredentialBinding,involvedObject.name=loki-s3");
        assertThat(header(selected)).matches("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE");
        assertThat(selected.out()).contains("credentialbinding/loki-s3", "VaultStale");
        assertThat(ok("events", "--for", "credentialbinding/loki-s3").out())
                .contains("VaultStale", "CredentialBinding/loki-s3");
        Kubectl.Run none = ok(
                "get",
                "events",
                "--field-selector",
                "involvedObject.kind=CredentialBinding,involvedObject.name=tempo-s3");
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("No resources found in monitoring namespace.");
    }

    @Test
    void shouldChangeTheObjectWhenAnnotatingLabellingAndPatching() {
        assertThat(ok("annotate", "cb", "loki-s3", "credrift.dev/clear-halt=true")
                        .out())
                .contains("credentialbinding.credrift.dev/loki-s3 annotated");
        assertThat(ok("label", "cb", "loki-s3", "team=observability").out())
                .contains("credentialbinding.credrift.dev/loki-s3 labeled");
        assertThat(ok("patch", "cb", "loki-s3", "--type=merge", "-p", "{\"spec\":{\"mode\":\"Observe\"}}")
                        .out())
                .contains("credentialbinding.credrift.dev/loki-s3 patched");
        assertThat(ok(
                                "patch",
                                "externalsecret",
                                "loki-s3-credentials",
                                "--type=json",
                                "-p",
                                "[{\"op\":\"replace\",\"path\":\"/spec/refreshInterval\",\"value\":\"30m\"}]")
                        .out())
                .contains("externalsecret.external-secrets.io/loki-s3-credentials patched");

        GenericKubernetesResource changed = binding().get();
        assertThat(changed.getMetadata().getAnnotations()).containsEntry("credrift.dev/clear-halt", "true");
        assertThat(changed.getMetadata().getLabels()).containsEntry("team", "observability");
        assertThat(((Map<?, ?>) changed.getAdditionalProperties().get("spec")).get("mode"))
                .isEqualTo("Observe");
        assertThat(world.kubernetesClient()
                        .genericKubernetesResources("external-secrets.io/v1", "ExternalSecret")
                        .inNamespace("monitoring")
                        .withName("loki-s3-credentials")
                        .get()
                        .getAdditionalProperties()
                        .get("spec"))
                .asString()
                .contains("refreshInterval=30m");
        ok("patch", "cb", "loki-s3", "--type=merge", "-p", "{\"spec\":{\"mode\":\"Remediate\"}}");
    }

    @Test
    void shouldRestartAndReportTheRolloutWhenAskedToRolloutRestartAndStatus() {
        assertThat(ok("rollout", "restart", "statefulset/loki").out()).contains("statefulset.apps/loki restarted");
        assertThat(world.kubernetesClient()
                        .apps()
                        .statefulSets()
                        .inNamespace("monitoring")
                        .withName("loki")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
        Kubectl.Run status = ok("rollout", "status", "statefulset/loki", "--timeout=80s");
        // RollingUpdate with partition 0 (the API server's default): kubectl reports it as a partitioned roll-out
        assertThat(status.out()).contains("partitioned roll out complete: 2 new pods have been updated");
        assertThat(ok("rollout", "restart", "deployment/grafana").out()).contains("deployment.apps/grafana restarted");
        assertThat(ok("rollout", "status", "deployment/grafana", "--timeout=80s")
                        .out())
                .contains("deployment \"grafana\" successfully rolled out");
    }

    @Test
    void shouldDeleteThePodWhenAskedToDeleteIt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> pod("loki-1") != null);
        String before = pod("loki-1").getMetadata().getUid();
        assertThat(ok("delete", "pod", "loki-1").out()).contains("pod \"loki-1\" deleted");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> pod("loki-1") != null
                        && !before.equals(pod("loki-1").getMetadata().getUid()));
    }

    @Test
    void shouldStreamTheChangeWhenWatching() throws Exception {
        Path out = directory.resolve("watch.out");
        Path err = directory.resolve("watch.err");
        Process watch = kubectl.start(out, err, "get", BINDINGS, "-w");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Kubectl.read(out).contains("loki-s3"));
            assertThat(Kubectl.read(out).lines().filter(l -> l.startsWith("loki-s3")))
                    .hasSize(1);
            patchStatus("""
                    {"status": {"driftClass": "VAULT_STALE"}}""");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(Kubectl.read(out).lines().filter(l -> l.startsWith("loki-s3")))
                            .last()
                            .asString()
                            .contains("VAULT_STALE"));
            assertThat(Kubectl.read(err)).isEmpty();
        } finally {
            watch.destroy();
            patchStatus("""
                    {"status": {"driftClass": "IN_SYNC"}}""");
        }
    }

    private static Kubectl.Run ok(String... args) {
        Kubectl.Run run = kubectl.run(args);
        assertThat(run.exit()).as("kubectl %s\n%s", String.join(" ", args), run).isZero();
        return run;
    }

    private static String header(Kubectl.Run run) {
        return run.out().lines().findFirst().orElse("");
    }

    private static List<String> rowStartingWith(String table, String first) {
        return Arrays.asList(cells(table, first));
    }

    /** The cells of the first row whose first cell is {@code first}; columns are split on two or more spaces. */
    private static String[] cells(String table, String first) {
        return table.lines()
                .map(l -> l.trim().split(" {2,}"))
                .filter(c -> c[0].equals(first))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + table));
    }

    private static Resource<GenericKubernetesResource> binding() {
        return world.kubernetesClient()
                .genericKubernetesResources("credrift.dev/v1alpha1", "CredentialBinding")
                .inNamespace("monitoring")
                .withName("loki-s3");
    }

    private static void patchStatus(String mergePatch) {
        binding().subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    private static Pod pod(String name) {
        return world.kubernetesClient()
                .pods()
                .inNamespace("monitoring")
                .withName(name)
                .get();
    }

    /** An Event as credrift's reconciler records it (events.k8s.io/v1, regarding the binding with its UID). */
    private static void recordEvent(String reason, String note) {
        GenericKubernetesResource bound = binding().get();
        world.kubernetesClient()
                .events()
                .v1()
                .events()
                .inNamespace("monitoring")
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName("loki-s3." + reason.toLowerCase())
                        .withNamespace("monitoring")
                        .endMetadata()
                        .withRegarding(new ObjectReferenceBuilder()
                                .withApiVersion("credrift.dev/v1alpha1")
                                .withKind("CredentialBinding")
                                .withNamespace("monitoring")
                                .withName("loki-s3")
                                .withUid(bound.getMetadata().getUid())
                                .build())
                        .withType("Warning")
                        .withReason(reason)
                        .withAction("Remediate")
                        .withNote(note)
                        .withReportingController("credrift")
                        .withReportingInstance("credrift-0")
                        .withEventTime(new MicroTime(MICRO_TIME.format(Instant.now())))
                        .build())
                .create();
    }
}
