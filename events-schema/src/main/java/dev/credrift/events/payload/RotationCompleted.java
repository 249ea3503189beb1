package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.MaskedKeyId;

/**
 * A managed rotation completed: every hop and consumer is on the new key, the old key is revoked and refused.
 *
 * @param newKey           the new key, masked
 * @param newFingerprint   the new credential's fingerprint
 * @param oldKey           the revoked key, masked
 * @param hops             hops moved to the new key (source, vault, replica)
 * @param workloads        consumer workloads rolled
 * @param durationMillis   from the mint to the proof that the old key is refused
 */
public record RotationCompleted(
        BindingId bindingId,
        String rotationId,
        MaskedKeyId newKey,
        Fingerprint newFingerprint,
        MaskedKeyId oldKey,
        int hops,
        int workloads,
        long durationMillis)
        implements EventPayload {

    /** Validates like {@code dev.credrift.rotation.completed.v1.json}. */
    public RotationCompleted {
        Check.required(bindingId, "bindingId");
        Check.token(rotationId, "rotationId");
        Check.required(newKey, "newKey");
        Check.required(newFingerprint, "newFingerprint");
        Check.required(oldKey, "oldKey");
        Check.atLeast(hops, 0, "hops");
        Check.atLeast(workloads, 0, "workloads");
        Check.atLeast(durationMillis, 0, "durationMillis");
    }

    @Override
    public EventType type() {
        return EventType.ROTATION_COMPLETED;
    }
}
