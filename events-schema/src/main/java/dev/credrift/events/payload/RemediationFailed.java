package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * A remediation failed.
 *
 * @param stepIndex  the failing step's position, if a step failed
 * @param step       the failing step's kind, if a step failed
 * @param errorCode  a stable code, e.g. {@code VAULT_WRITE_NOT_CONFIRMED}
 * @param detail     what went wrong, for a human
 * @param willRetry  whether the reconciler will try again by itself
 */
public record RemediationFailed(
        BindingId bindingId,
        String remediationId,
        Integer stepIndex,
        StepKind step,
        String errorCode,
        String detail,
        boolean willRetry)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.failed.v1.json}. */
    public RemediationFailed {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        if (stepIndex != null) {
            Check.atLeast(stepIndex, 0, "stepIndex");
        }
        Check.code(errorCode, "errorCode");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_FAILED;
    }
}
