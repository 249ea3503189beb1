package dev.credrift.notifier;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.notifier.report.Incoming;
import dev.credrift.notifier.report.Origin;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Severity;
import java.util.List;

/** Minimal reports for routing and delivery tests. */
public final class Reports {

    private Reports() {}

    public static Report of(
            ReportKind kind, Severity severity, BindingId binding, DriftClass driftClass, String eventId) {
        Story story = new Story(eventId, binding, "rem-" + eventId);
        story.vaultStale();
        CredriftEvent event = story.last();
        CredriftEvent renamed =
                new CredriftEvent(eventId, event.source(), event.time(), event.correlationId(), event.payload());
        return new Report(
                kind,
                severity,
                new Incoming(renamed, new Origin("credrift.outcomes", 0, 7)),
                driftClass,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    public static Report alert(BindingId binding, String eventId) {
        return of(ReportKind.ALERT, Severity.CRITICAL, binding, DriftClass.AUTHORITY_REJECTED, eventId);
    }
}
