package dev.credrift.notifier.report;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.LoggingKeys;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RotationStarted;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Something worth a message: its kind and urgency, the event that triggered it (whose id keys the
 * idempotency key and whose CloudEvent webhooks receive) and what the notifier learned along the way.
 *
 * @param trigger       the event that made the report due (the end of a remediation, an alert …)
 * @param driftClass    the drift, when known
 * @param drift         the drift detection the chain comes from, when seen
 * @param chain         the hops at detection, when known
 * @param remediationId the remediation, when there was one
 * @param planned       the plan's steps (for a dry run, what would be done)
 * @param steps         the steps carried out, in order
 * @param duration      how long the remediation took, when known
 * @param rotationStart for a rotation's report, the start of that rotation when seen (its trigger and old key)
 */
public record Report(
        ReportKind kind,
        Severity severity,
        Incoming trigger,
        DriftClass driftClass,
        DriftDetected drift,
        HopChain chain,
        String remediationId,
        List<PlannedStep> planned,
        List<RemediationStepFinished> steps,
        Duration duration,
        RotationStarted rotationStart) {

    /** A report that is not about a rotation. */
    public Report(
            ReportKind kind,
            Severity severity,
            Incoming trigger,
            DriftClass driftClass,
            DriftDetected drift,
            HopChain chain,
            String remediationId,
            List<PlannedStep> planned,
            List<RemediationStepFinished> steps,
            Duration duration) {
        this(kind, severity, trigger, driftClass, drift, chain, remediationId, planned, steps, duration, null);
    }

    /** Requires kind, severity and trigger; copies the lists. */
    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(trigger, "trigger");
        planned = List.copyOf(planned);
        steps = List.copyOf(steps);
    }

    /** Adds the binding and the remediation, if any, to a log line as key/values ({@link LoggingKeys}). */
    public LoggingEventBuilder on(LoggingEventBuilder line) {
        LoggingEventBuilder withBinding = line.addKeyValue(LoggingKeys.BINDING, binding());
        return remediationId == null ? withBinding : withBinding.addKeyValue(LoggingKeys.REMEDIATION, remediationId);
    }

    /** The binding the report is about. */
    public BindingId binding() {
        return trigger.event().bindingId();
    }

    /** The triggering event. */
    public CredriftEvent event() {
        return trigger.event();
    }
}
