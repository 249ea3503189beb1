package dev.credrift.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.notifier.Reports;
import dev.credrift.notifier.Story;
import dev.credrift.notifier.report.Incoming;
import dev.credrift.notifier.report.Origin;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Severity;
import dev.credrift.sandbox.emulate.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private final ManualClock clock = new ManualClock(Story.T0);
    private final Deduplicator dedup = new Deduplicator(Duration.ofMinutes(10), clock);

    @Test
    void shouldLetOneMessagePerBindingAndClassThroughPerWindow() {
        assertThat(dedup.admit("slack", Reports.alert(LOKI, "e-1"))).isTrue();
        clock.advance(Duration.ofMinutes(9));
        assertThat(dedup.admit("slack", Reports.alert(LOKI, "e-2"))).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dedup.admit("slack", Reports.alert(LOKI, "e-3"))).isTrue();
    }

    @Test
    void shouldKeepSinksBindingsClassesAndKindsApart() {
        assertThat(dedup.admit("slack", Reports.alert(LOKI, "e-1"))).isTrue();

        assertThat(dedup.admit("hook", Reports.alert(LOKI, "e-1"))).isTrue();
        assertThat(dedup.admit("slack", Reports.alert(BindingId.of("tracing", "tempo"), "e-2")))
                .isTrue();
        assertThat(dedup.admit(
                        "slack",
                        Reports.of(ReportKind.ALERT, Severity.CRITICAL, LOKI, DriftClass.ENDPOINT_UNTRUSTED, "e-3")))
                .isTrue();
        assertThat(dedup.admit(
                        "slack",
                        Reports.of(
                                ReportKind.REMEDIATION_HALTED,
                                Severity.CRITICAL,
                                LOKI,
                                DriftClass.AUTHORITY_REJECTED,
                                "e-4")))
                .isTrue();
    }

    @Test
    void shouldKeepAlertReasonsApartWhenOneBindingIsLeftBrokenInTwoWays() {
        Story paused = Story.consumerPaused();
        Story unreadable = new Story("unreadable", LOKI, null)
                .add(new AttentionRequired(
                        LOKI,
                        AttentionRequired.Reason.VAULT_UNREADABLE,
                        "1Password item 'loki-s3-config' has no field 'secret_key'"));

        assertThat(dedup.admit("slack", attention(paused))).isTrue();
        assertThat(dedup.admit("slack", attention(paused))).isFalse();
        assertThat(dedup.admit("slack", attention(unreadable))).isTrue();
    }

    private static Report attention(Story story) {
        return new Report(
                ReportKind.ALERT,
                Severity.CRITICAL,
                new Incoming(story.last(), new Origin("credrift.outcomes", 0, 1)),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    @Test
    void shouldNotSuppressTheNextMessageWhenTheFirstWasDeadLettered() {
        Report first = Reports.alert(LOKI, "e-1");
        assertThat(dedup.admit("slack", first)).isTrue();

        dedup.forget("slack", first);

        assertThat(dedup.admit("slack", Reports.alert(LOKI, "e-2"))).isTrue();
    }

    @Test
    void shouldLetEverythingThroughWithAZeroWindow() {
        Deduplicator off = new Deduplicator(Duration.ZERO, clock);

        assertThat(off.admit("slack", Reports.alert(LOKI, "e-1"))).isTrue();
        assertThat(off.admit("slack", Reports.alert(LOKI, "e-1"))).isTrue();
    }
}
