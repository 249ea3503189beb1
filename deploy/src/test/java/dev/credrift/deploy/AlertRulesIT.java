package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credrift.api.promtool.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's PrometheusRule through Prometheus's own tool: {@code promtool check rules} on the rendered groups, and
 * {@code promtool test rules} with the unit tests of {@code src/test/resources/alerts} (one or more per alert, each
 * firing and staying silent). promtool comes from Debian's {@code prometheus} package (CI installs it).
 */
class AlertRulesIT {

    @TempDir
    Path dir;

    @Test
    void shouldPassPromtoolCheckRulesWhenTheChartRendersItsAlerts() throws Exception {
        Promtool promtool = Promtool.require();
        JsonNode groups = AlertRules.groups();
        Path rules = dir.resolve(AlertRules.RULES_FILE);
        HelmChart.YAML.writeValue(rules.toFile(), groups);

        Promtool.Result check = promtool.checkRules(rules);

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output())
                .contains("SUCCESS: " + AlertRules.alertNames(groups).size() + " rules found");
    }

    @Test
    void shouldPassEveryAlertsUnitTestWhenPromtoolTestsTheRenderedRules() throws Exception {
        Promtool promtool = Promtool.require();
        HelmChart.YAML.writeValue(dir.resolve(AlertRules.RULES_FILE).toFile(), AlertRules.groups());
        Path tests = dir.resolve("credrift-alerts-test.yaml");
        HelmChart.YAML.writeValue(tests.toFile(), AlertRules.unitTests());

        Promtool.Result result = promtool.testRules(tests);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void shouldFailPromtoolTestWhenAThresholdIsNotWhatTheTestsExpect() throws Exception {
        // the unit tests must be able to fail: a rule file whose halted alert never fires is caught
        Promtool promtool = Promtool.require();
        String rules = HelmChart.YAML
                .writeValueAsString(AlertRules.groups())
                .replace("credrift_reconciler_binding_halted{", "credrift_reconciler_binding_halted_typo{");
        Files.writeString(dir.resolve(AlertRules.RULES_FILE), rules);
        Path tests = dir.resolve("credrift-alerts-test.yaml");
        HelmChart.YAML.writeValue(tests.toFile(), AlertRules.unitTests());

        Promtool.Result result = promtool.testRules(tests);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("CredriftBindingHalted");
    }
}
