package dev.credrift.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.EventType;
import dev.credrift.notifier.Reports;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final List<String> SINKS = List.of("slack-oncall", "slack-team", "audit-hook");
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");

    private static Report info(BindingId binding) {
        return Reports.of(ReportKind.REMEDIATION_SUCCEEDED, Severity.INFO, binding, DriftClass.VAULT_STALE, "e-1");
    }

    @Test
    void shouldSendEverythingEverywhereWhenThereAreNoRules() {
        assertThat(new Router(List.of(), SINKS).route(info(LOKI), Map.of())).isEqualTo(SINKS);
    }

    @Test
    void shouldRouteByNamespace() {
        Router router = new Router(List.of(RouteRule.to("slack-team").withNamespaces("monitoring")), SINKS);

        assertThat(router.route(info(LOKI), Map.of())).containsExactly("slack-team");
        assertThat(router.route(info(TEMPO), Map.of())).isEmpty();
    }

    @Test
    void shouldRouteBySeverity() {
        Router router = new Router(
                List.of(RouteRule.to("slack-oncall").withMinSeverity(Severity.WARNING), RouteRule.to("audit-hook")),
                SINKS);

        assertThat(router.route(info(LOKI), Map.of())).containsExactly("audit-hook");
        assertThat(router.route(Reports.alert(LOKI, "e-2"), Map.of())).containsExactly("slack-oncall", "audit-hook");
    }

    @Test
    void shouldRouteByTheTriggeringEventType() {
        Router router =
                new Router(List.of(RouteRule.to("audit-hook").withEventTypes(EventType.REMEDIATION_HALTED)), SINKS);

        // the test reports are triggered by a drift detection
        assertThat(router.route(info(LOKI), Map.of())).isEmpty();
        assertThat(new Router(List.of(RouteRule.to("audit-hook").withEventTypes(EventType.DRIFT_DETECTED)), SINKS)
                        .route(info(LOKI), Map.of()))
                .containsExactly("audit-hook");
    }

    @Test
    void shouldRouteByBindingLabelsOnlyWhenTheLabelsAreKnown() {
        Router router = new Router(
                List.of(RouteRule.to("slack-team").withBindingLabels(Map.of("team", "observability"))), SINKS);

        assertThat(router.route(info(LOKI), Map.of("team", "observability", "tier", "prod")))
                .containsExactly("slack-team");
        assertThat(router.route(info(LOKI), Map.of("team", "storage"))).isEmpty();
        // outcome events carry no labels: without a BindingLabels lookup a label rule matches nothing
        assertThat(router.route(info(LOKI), BindingLabels.NONE.labelsOf(LOKI))).isEmpty();
    }

    @Test
    void shouldUniteTheSinksOfEveryMatchingRuleInConfiguredOrder() {
        Router router =
                new Router(List.of(RouteRule.to("audit-hook"), RouteRule.to("slack-oncall", "audit-hook")), SINKS);

        assertThat(router.route(info(LOKI), Map.of())).containsExactly("slack-oncall", "audit-hook");
    }

    @Test
    void shouldRefuseARuleNamingAnUnknownSink() {
        assertThatThrownBy(() -> new Router(List.of(RouteRule.to("slack-oncall"), RouteRule.to("nowhere")), SINKS))
                .isInstanceOf(InvalidNotifierConfig.class)
                .hasMessage("route #2: sinks names sink 'nowhere', which is not configured");
    }

    @Test
    void shouldRefuseARuleWithoutSinks() {
        assertThatThrownBy(RouteRule::to)
                .isInstanceOf(InvalidNotifierConfig.class)
                .hasMessageContaining("at least one sink");
    }
}
