package dev.credrift.events.payload;

/**
 * One step of a remediation plan.
 *
 * @param target what the step acts on, e.g. "StatefulSet monitoring/loki"
 */
public record PlannedStep(StepKind kind, String target) {

    /** Validates like the schema's {@code plannedStep}. */
    public PlannedStep {
        Check.required(kind, "kind");
        Check.text(target, "target", Check.TEXT_MAX);
    }
}
