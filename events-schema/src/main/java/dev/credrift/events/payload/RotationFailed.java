package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * A managed rotation stopped without completing. Nothing is revoked before consumers are proven, so
 * {@code oldKeyKept} says whether consumers can still use the old key.
 *
 * @param step       the step that failed, if one was running
 * @param reason     a stable code, e.g. {@code READINESS_GATE_FAILED}, {@code OLD_KEY_STILL_HELD}
 * @param detail     what happened and what to do, for a human; masked key ids only
 * @param oldKeyKept whether the old key is still valid
 */
public record RotationFailed(
        BindingId bindingId, String rotationId, RotationStepKind step, String reason, String detail, boolean oldKeyKept)
        implements EventPayload {

    /** Validates like {@code dev.credrift.rotation.failed.v1.json}. */
    public RotationFailed {
        Check.required(bindingId, "bindingId");
        Check.token(rotationId, "rotationId");
        Check.code(reason, "reason");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.ROTATION_FAILED;
    }
}
