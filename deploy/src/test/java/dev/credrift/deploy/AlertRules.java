package dev.credrift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart's alert rules as Prometheus reads them: the {@code spec} (rule groups) of the rendered
 * {@code PrometheusRule}, and the promtool unit tests of {@code src/test/resources/alerts}.
 */
final class AlertRules {

    /** The values the unit tests' thresholds are written for. */
    static final String COMBINATION = "full-values.yaml";

    static final String TESTS = "alerts/credrift-alerts-test.yaml";
    /** The name the unit tests give the rules file ({@code rule_files}). */
    static final String RULES_FILE = "credrift-rules.yaml";

    private AlertRules() {}

    /** The rendered PrometheusRule's {@code spec}: {@code groups:} as a Prometheus rules file has them. */
    static JsonNode groups() {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(COMBINATION));
        GenericKubernetesResource rule = HelmChart.ofType(objects, GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("PrometheusRule"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PrometheusRule rendered with " + COMBINATION));
        return HelmChart.YAML.valueToTree(rule.getAdditionalProperties().get("spec"));
    }

    static List<String> alertNames(JsonNode groups) {
        List<String> names = new ArrayList<>();
        groups.path("groups")
                .forEach(g ->
                        g.path("rules").forEach(r -> names.add(r.path("alert").asText())));
        return names;
    }

    static JsonNode unitTests() {
        try (InputStream in = AlertRules.class.getClassLoader().getResourceAsStream(TESTS)) {
            if (in == null) {
                throw new IllegalStateException(TESTS + " is not on the test class path");
            }
            return HelmChart.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Alerts a unit test expects to fire (not only to stay silent). */
    static List<String> testedFiring(JsonNode tests) {
        List<String> names = new ArrayList<>();
        tests.path("tests")
                .forEach(t -> t.path("alert_rule_test").forEach(a -> {
                    if (!a.path("exp_alerts").isEmpty()) {
                        names.add(a.path("alertname").asText());
                    }
                }));
        return names;
    }

    /** Alerts a unit test expects to stay silent at some time. */
    static List<String> testedSilent(JsonNode tests) {
        List<String> names = new ArrayList<>();
        tests.path("tests")
                .forEach(t -> t.path("alert_rule_test").forEach(a -> {
                    if (a.path("exp_alerts").isEmpty()) {
                        names.add(a.path("alertname").asText());
                    }
                }));
        return names;
    }
}
