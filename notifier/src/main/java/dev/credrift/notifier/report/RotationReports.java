package dev.credrift.notifier.report;

import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStarted;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports of managed rotations: one when a rotation starts (info; a warning in observe mode), one when it completes
 * (info) and one when it fails or halts (critical: a human must look); its steps make no message. Each open
 * rotation's start is remembered so that its failure can name the old key; after a restart a failure whose start was
 * not seen says less rather than guessing. Not thread-safe: one caller, in record order.
 */
final class RotationReports {

    // rotations that never end (their binding deleted mid-rotation) must not grow this without bound
    private static final int REMEMBERED = 1000;

    private final Map<String, RotationStarted> started = new LinkedHashMap<>();

    /**
     * The report of a rotation's start or end with the record's hold, or the hold released at once for any other event:
     * a rotation's report stands alone, nothing of it is held for a later message.
     */
    <H> Emission<H> emission(Incoming incoming, H hold) {
        Optional<Report> report = report(incoming);
        return report.isPresent()
                ? Emission.report(report.get(), List.of(hold), List.of())
                : Emission.release(List.of(hold));
    }

    /** The report this event makes, if it is a rotation's start or end. */
    Optional<Report> report(Incoming incoming) {
        EventPayload payload = incoming.event().payload();
        if (payload instanceof RotationStarted start) {
            remember(start);
            return Optional.of(report(
                    ReportKind.ROTATION_STARTED, start.dryRun() ? Severity.WARNING : Severity.INFO, incoming, start));
        }
        if (payload instanceof RotationCompleted completed) {
            return Optional.of(report(
                    ReportKind.ROTATION_COMPLETED, Severity.INFO, incoming, started.remove(completed.rotationId())));
        }
        if (payload instanceof RotationFailed failed) {
            return Optional.of(report(
                    ReportKind.ROTATION_FAILED, Severity.CRITICAL, incoming, started.remove(failed.rotationId())));
        }
        return Optional.empty();
    }

    private void remember(RotationStarted start) {
        started.put(start.rotationId(), start);
        if (started.size() > REMEMBERED) {
            Iterator<String> oldest = started.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static Report report(ReportKind kind, Severity severity, Incoming incoming, RotationStarted start) {
        return new Report(kind, severity, incoming, null, null, null, null, List.of(), List.of(), null, start);
    }
}
