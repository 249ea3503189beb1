package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * One step of a managed rotation finished (or waits).
 *
 * @param detail what the step did, for a human; masked key ids only
 */
public record RotationStepFinished(
        BindingId bindingId, String rotationId, RotationStepKind step, Result result, String detail)
        implements EventPayload {

    /** Validates like {@code dev.credrift.rotation.step.v1.json}. */
    public RotationStepFinished {
        Check.required(bindingId, "bindingId");
        Check.token(rotationId, "rotationId");
        Check.required(step, "step");
        Check.required(result, "result");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.ROTATION_STEP;
    }

    /** How the step ended. */
    public enum Result {
        /** The step did its work. */
        DONE,
        /** Resumed after a crash: the work was done already (idempotent step). */
        ALREADY_DONE,
        /** Resumed after a crash during the mint: the key the store had added was adopted, not minted again. */
        ADOPTED,
        /** The step waits (e.g. {@code revokeAfter}) and is resumed later. */
        WAITING
    }
}
