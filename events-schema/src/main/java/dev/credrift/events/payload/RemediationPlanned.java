package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.util.List;

/**
 * The reconciler planned a remediation; with {@code dryRun} (binding in {@code mode: Observe}) it
 * will not carry it out. An empty plan means "alert only".
 */
public record RemediationPlanned(
        BindingId bindingId, String remediationId, DriftClass driftClass, boolean dryRun, List<PlannedStep> steps)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.planned.v1.json}. */
    public RemediationPlanned {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        Check.required(driftClass, "driftClass");
        steps = Check.list(steps, "steps");
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_PLANNED;
    }
}
