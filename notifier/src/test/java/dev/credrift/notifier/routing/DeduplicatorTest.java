package dev.credrift.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.notifier.Reports;
import dev.credrift.notifier.Story;
import dev.credrift.notifier.TestClock;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private final TestClock clock = new TestClock(Story.T0);
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
        assertThat(dedup.admit("slack", Reports.alert(BindingId.of("tracing", "tempo"), "e-2"))).isTrue();
        assertThat(dedup.admit("slack", Reports.of(ReportKind.ALERT, Severity.CRITICAL, LOKI,
                DriftClass.ENDPOINT_UNTRUSTED, "e-3"))).isTrue();
        assertThat(dedup.admit("slack", Reports.of(ReportKind.REMEDIATION_HALTED, Severity.CRITICAL, LOKI,
                DriftClass.AUTHORITY_REJECTED, "e-4"))).isTrue();
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
