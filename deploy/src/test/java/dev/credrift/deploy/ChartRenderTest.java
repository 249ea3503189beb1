package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint} and {@code helm template} for the defaults and every documented combination. */
class ChartRenderTest {

    /** Kinds fabric8 has no model for: they stay generic, everything else must parse into its typed class. */
    private static final Set<String> UNTYPED_KINDS = Set.of("ServiceMonitor", "KafkaTopic", "PrometheusRule");

    @TempDir
    Path scratch;

    static List<String> combinations() {
        return HelmChart.combinations();
    }

    @Test
    void shouldDocumentEveryCombinationWhenListingCiValues() {
        assertThat(combinations())
                .contains(
                        "minimal-values.yaml",
                        "split-values.yaml",
                        "restricted-values.yaml",
                        "split-restricted-values.yaml",
                        "full-values.yaml",
                        "mtls-values.yaml");
    }

    @Test
    void shouldLintCleanWhenValuesAreTheDefaults() {
        LintResult lint = HelmChart.lintDefaults();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void shouldRefuseToRenderWhenKafkaIsNotGiven() {
        // without a bootstrap address credrift would start an embedded broker in the pod: refuse, naming the value
        assertThatThrownBy(HelmChart::templateDefaults).hasMessageContaining("kafka.bootstrapServers is required");
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldLintCleanWhenValuesAreACombination(String combination) {
        LintResult lint = HelmChart.lint(combination, scratch);

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.startsWith("[ERROR]") || m.startsWith("[WARNING]"));
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldParseEveryObjectIntoItsTypedModelWhenRendered(String combination) {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));

        assertThat(objects).isNotEmpty();
        assertThat(objects).allSatisfy(o -> {
            if (UNTYPED_KINDS.contains(o.getKind())) {
                assertThat(o).isInstanceOf(GenericKubernetesResource.class);
            } else {
                assertThat(o)
                        .as(o.getKind() + " " + o.getMetadata().getName())
                        .isNotInstanceOf(GenericKubernetesResource.class);
            }
            assertThat(o.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        });
        assertThat(objects.stream()
                        .map(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/"
                                + o.getMetadata().getName()))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldRunRestrictedPodSecurityWhenAnyDeploymentIsRendered(String combination) {
        List<Deployment> deployments =
                HelmChart.ofType(HelmChart.objects(HelmChart.template(combination)), Deployment.class);

        assertThat(deployments).isNotEmpty().allSatisfy(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getContainers()).hasSize(1);
            Container c = pod.getContainers().get(0);
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(c.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKey("memory");
            // a read-only root file system still needs a writable /tmp (Vert.x file cache, JVM temp files)
            assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
            assertThat(c.getVolumeMounts())
                    .filteredOn(m -> m.getMountPath().startsWith("/etc/credrift"))
                    .allMatch(m -> Boolean.TRUE.equals(m.getReadOnly()));
        });
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldMountEveryFileTheConfigNamesWhenRendered(String combination) throws Exception {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));
        Map<String, ConfigMap> configs = HelmChart.ofType(objects, ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));

        for (Deployment d : HelmChart.ofType(objects, Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String configName = pod.getVolumes().stream()
                    .filter(v -> v.getName().equals("config"))
                    .findFirst()
                    .orElseThrow()
                    .getConfigMap()
                    .getName();
            JsonNode config =
                    HelmChart.YAML.readTree(configs.get(configName).getData().get("credrift.yaml"));
            List<String> mounts = pod.getContainers().get(0).getVolumeMounts().stream()
                    .map(m -> m.getMountPath() + "/")
                    .toList();
            List<String> files =
                    config.findValues("file").stream().map(JsonNode::asText).toList();
            config.findValues("fingerprintKeyFile")
                    .forEach(n -> assertThat(mounts).anyMatch(n.asText()::startsWith));
            config.findValues("tokenFile").forEach(n -> assertThat(mounts).anyMatch(n.asText()::startsWith));
            config.findValues("caFile").forEach(n -> assertThat(mounts).anyMatch(n.asText()::startsWith));
            assertThat(files)
                    .as(d.getMetadata().getName())
                    .allSatisfy(f -> assertThat(mounts).anyMatch(f::startsWith));
            assertThat(config.at("/kafka/bootstrapServers").asText()).isNotBlank();
        }
    }

    @Test
    void shouldRunOneDeploymentWithEveryRoleWhenNotSplit() {
        List<Deployment> deployments =
                HelmChart.ofType(HelmChart.objects(HelmChart.template("minimal-values.yaml")), Deployment.class);

        assertThat(deployments)
                .singleElement()
                .satisfies(d -> assertThat(args(d)).containsSequence("--roles", "watcher,reconciler,notifier"));
    }

    @Test
    void shouldRunThreeDeploymentsWithoutKubernetesAccessForTheNotifierWhenSplit() {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template("split-values.yaml"));
        List<Deployment> deployments = HelmChart.ofType(objects, Deployment.class);

        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("credrift-watcher", "credrift-reconciler", "credrift-notifier");
        Map<String, Deployment> byName = deployments.stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        assertThat(args(byName.get("credrift-watcher"))).containsSequence("--roles", "watcher");
        assertThat(byName.get("credrift-watcher").getSpec().getReplicas()).isEqualTo(2);
        assertThat(byName.get("credrift-reconciler").getSpec().getReplicas()).isEqualTo(2);
        PodSpec notifier =
                byName.get("credrift-notifier").getSpec().getTemplate().getSpec();
        assertThat(notifier.getAutomountServiceAccountToken()).isFalse();
        assertThat(notifier.getVolumes())
                .extracting(v -> v.getName())
                .contains("sink-slack-oncall", "sink-audit-hook")
                .doesNotContain("fingerprint-key", "onepassword-token");
        assertThat(HelmChart.ofType(objects, ServiceAccount.class)).hasSize(3);
        assertThat(HelmChart.ofType(objects, Service.class)).hasSize(3);
        assertThat(HelmChart.ofType(objects, PodDisruptionBudget.class)).hasSize(3);
    }

    @Test
    void shouldRenderMonitorTopicsAndEgressWhenEverythingIsOn() {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template("full-values.yaml"));

        List<GenericKubernetesResource> generic = HelmChart.ofType(objects, GenericKubernetesResource.class);
        assertThat(generic)
                .filteredOn(o -> o.getKind().equals("ServiceMonitor"))
                .singleElement()
                .satisfies(
                        m -> assertThat(m.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack"));
        List<GenericKubernetesResource> topics =
                generic.stream().filter(o -> o.getKind().equals("KafkaTopic")).toList();
        // names, cleanup policy and retention of README "Commands" (app's TopicLayout)
        Map<String, String> retention = Map.of(
                "credrift.observations",
                "43200000",
                "credrift.outcomes",
                "604800000",
                "credrift.audit",
                "31536000000",
                "credrift.deadletter",
                "2592000000");
        assertThat(topics).hasSize(5).allSatisfy(t -> {
            assertThat(t.getMetadata().getNamespace()).isEqualTo("kafka");
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "my-cluster");
            Map<String, Object> spec = t.get("spec");
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) spec.get("config");
            String name = (String) spec.get("topicName");
            if (name.equals("credrift.state")) {
                assertThat(config).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
            } else {
                assertThat(config)
                        .containsEntry("cleanup.policy", "delete")
                        .containsEntry("retention.ms", retention.get(name));
            }
            assertThat(spec).containsEntry("partitions", 3).containsEntry("replicas", 3);
        });
        NetworkPolicy policy = HelmChart.ofType(objects, NetworkPolicy.class).get(0);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        // DNS, API server, Kafka, 1Password Connect, stores, webhooks
        assertThat(policy.getSpec().getEgress()).hasSize(6);
        assertThat(policy.getSpec().getIngress())
                .singleElement()
                .satisfies(rule -> assertThat(rule.getPorts())
                        .singleElement()
                        .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080)));
    }

    @Test
    void shouldConfigureKafkaTlsAndScramFromSecretFilesWhenEnabled() throws Exception {
        ConfigMap config = HelmChart.ofType(HelmChart.objects(HelmChart.template("full-values.yaml")), ConfigMap.class)
                .get(0);
        JsonNode properties =
                HelmChart.YAML.readTree(config.getData().get("credrift.yaml")).at("/kafka/properties");

        assertThat(properties.get("security.protocol").asText()).isEqualTo("SASL_SSL");
        assertThat(properties.get("sasl.mechanism").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(properties.get("sasl.jaas.config").get("file").asText())
                .isEqualTo("/etc/credrift/kafka/sasl/jaas.conf");
        assertThat(properties.get("ssl.truststore.certificates").get("file").asText())
                .endsWith("/ca.crt");
        assertThat(properties.get("request.timeout.ms").asText()).isEqualTo("20000");
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldPassSecretNamespacesAndConnectToEveryWatcherWhenRendered(String combination) throws Exception {
        List<String> listed = new java.util.ArrayList<>();
        HelmChart.valuesTree(combination).at("/rbac/secretNamespaces").forEach(n -> listed.add(n.asText()));
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));
        Map<String, ConfigMap> configs = HelmChart.ofType(objects, ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        int watchers = 0;
        for (Deployment d : HelmChart.ofType(objects, Deployment.class)) {
            String configName = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("config"))
                    .findFirst()
                    .orElseThrow()
                    .getConfigMap()
                    .getName();
            JsonNode config =
                    HelmChart.YAML.readTree(configs.get(configName).getData().get("credrift.yaml"));
            List<String> roles =
                    List.of(args(d).get(args(d).indexOf("--roles") + 1).split(","));
            if (!roles.contains("watcher")) {
                assertThat(config.at("/watcher").isMissingNode())
                        .as(d.getMetadata().getName())
                        .isTrue();
                continue;
            }
            watchers++;
            List<String> passed = new java.util.ArrayList<>();
            config.at("/watcher/secretNamespaces").forEach(n -> passed.add(n.asText()));
            // the Roles grant Secrets only there, so the watcher must watch only there (and everywhere otherwise)
            assertThat(passed).as(d.getMetadata().getName()).containsExactlyElementsOf(listed);
            // and it polls the Connect server the reconciler writes (its own Deployment too, when split)
            assertThat(config.at("/onePassword/url").asText())
                    .as(d.getMetadata().getName())
                    .isEqualTo(HelmChart.valuesTree(combination)
                            .at("/onePassword/url")
                            .asText())
                    .isNotBlank();
            assertThat(config.at("/onePassword/tokenFile").asText()).isEqualTo("/etc/credrift/1password/token");
        }
        assertThat(watchers).isEqualTo(1);
    }

    private static List<String> args(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    }
}
