package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * The reconciler began carrying out a plan.
 *
 * @param resumed whether this continues a remediation interrupted by a crash or restart
 */
public record RemediationStarted(
        BindingId bindingId, String remediationId, DriftClass driftClass, int stepCount, boolean resumed)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.started.v1.json}. */
    public RemediationStarted {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        Check.required(driftClass, "driftClass");
        Check.atLeast(stepCount, 0, "stepCount");
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_STARTED;
    }
}
