package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.MaskedKeyId;
import java.time.Instant;

/**
 * A managed rotation started (or, with {@code dryRun}, was planned and published without doing anything).
 *
 * @param trigger  a schedule ({@code spec.rotation.every}) or a request ({@code credrift rotate},
 *                 {@code credrift.dev/rotate-now})
 * @param oldKey   the key being replaced, masked
 * @param dueSince when the rotation became due
 * @param dryRun   {@code mode: Observe}: the plan is published, nothing is changed
 */
public record RotationStarted(
        BindingId bindingId, String rotationId, Trigger trigger, MaskedKeyId oldKey, Instant dueSince, boolean dryRun)
        implements EventPayload {

    /** Validates like {@code dev.credrift.rotation.started.v1.json}. */
    public RotationStarted {
        Check.required(bindingId, "bindingId");
        Check.token(rotationId, "rotationId");
        Check.required(trigger, "trigger");
        Check.required(oldKey, "oldKey");
        Check.required(dueSince, "dueSince");
    }

    @Override
    public EventType type() {
        return EventType.ROTATION_STARTED;
    }

    /** What started the rotation. */
    public enum Trigger {
        /** {@code spec.rotation.every} made it due. */
        SCHEDULE,
        /** A human asked for it. */
        ON_DEMAND
    }
}
