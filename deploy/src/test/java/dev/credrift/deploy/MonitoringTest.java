package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart's optional PrometheusRule and Grafana dashboard: off by default, every alert unit-tested, every metric
 * they query documented in the root README's metrics table.
 */
class MonitoringTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:credrift|kafka_consumer)_[a-z_]+)");
    private static final Path README = Path.of("..", "README.md");

    @ParameterizedTest
    @ValueSource(strings = {"minimal-values.yaml", "split-values.yaml"})
    void shouldRenderNeitherRuleNorDashboardWhenValuesLeaveThemOff(String combination) {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));

        assertThat(objects).noneMatch(o -> o.getKind().equals("PrometheusRule"));
        assertThat(HelmChart.ofType(objects, ConfigMap.class))
                .noneMatch(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard"));
    }

    @Test
    void shouldHaveAFiringAndASilentUnitTestForEveryAlertWhenRulesAreRendered() {
        List<String> alerts = AlertRules.alertNames(AlertRules.groups());
        JsonNode tests = AlertRules.unitTests();

        assertThat(alerts)
                .contains(
                        "CredriftBindingHalted",
                        "CredriftDriftUnresolved",
                        "CredriftAuthorityRejected",
                        "CredriftIdentityRejected",
                        "CredriftNotificationsFailing",
                        "CredriftConsumerLagGrowing",
                        "CredriftDown");
        assertThat(AlertRules.testedFiring(tests)).containsAll(alerts);
        assertThat(AlertRules.testedSilent(tests)).containsAll(alerts);
    }

    @Test
    void shouldShipTheDashboardWithItsLabelWhenEnabled() throws Exception {
        ConfigMap dashboard = dashboard();

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode json = HelmChart.YAML.readTree(dashboard.getData().get("credrift.json"));
        List<String> titles = json.path("panels").findValuesAsText("title");
        assertThat(titles)
                .contains(
                        "Per-binding chain state",
                        "Heal step time (mean)",
                        "Global rollout budget left",
                        "Rollouts in the last hour, per binding");
    }

    @Test
    void shouldQueryOnlyDocumentedMetricsWhenRulesAndDashboardAreRendered() throws Exception {
        String readme = Files.readString(README);
        Set<String> used = new TreeSet<>();
        used.addAll(metrics(HelmChart.YAML.writeValueAsString(AlertRules.groups())));
        used.addAll(metrics(dashboard().getData().get("credrift.json")));

        assertThat(used)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(readme)
                        .as("README metrics table names " + name)
                        .contains("`" + documented(name) + "`"));
    }

    private static ConfigMap dashboard() {
        return HelmChart.ofType(HelmChart.objects(HelmChart.template(AlertRules.COMBINATION)), ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().endsWith("-dashboard"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> metrics(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // a timer is documented once, under its base name
    private static String documented(String name) {
        return name.replaceAll("_seconds_(sum|count|max)$", "_seconds");
    }
}
