package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * The binding is halted: no more automatic actions until a human clears the halt or the binding
 * changes.
 *
 * @param remediationId the remediation that halted, if one was running
 * @param detail        what happened and how to clear it, for a human
 */
public record RemediationHalted(BindingId bindingId, String remediationId, Reason reason, String detail)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.halted.v1.json}. */
    public RemediationHalted {
        Check.required(bindingId, "bindingId");
        Check.optionalToken(remediationId, "remediationId");
        Check.required(reason, "reason");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_HALTED;
    }

    /** Why the binding halted. */
    public enum Reason {
        /** Restarted consumers did not become ready in time. */
        READINESS_GATE_FAILED,
        /** The same remediation failed too often in a row. */
        REPEATED_FAILURE,
        /** The rollout budget for the binding is spent. */
        ROLLOUT_BUDGET_EXHAUSTED,
        /** The authority changed so often that remediations kept being superseded: the source is flapping. */
        SOURCE_FLAPPING
    }
}
