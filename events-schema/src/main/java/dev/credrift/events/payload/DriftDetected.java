package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * The reconciler assessed a binding and found it drifted (or, for {@link DriftClass#IN_SYNC}, not).
 *
 * @param storeVerdict what the store said about the authority's credential, if it was probed
 * @param detail       why, for a human: e.g. "vault holds a different key than the source"
 */
public record DriftDetected(
        BindingId bindingId,
        DriftClass driftClass,
        Authority authority,
        HopFingerprints fingerprints,
        StoreVerdict storeVerdict,
        String detail)
        implements EventPayload {

    /** Validates like {@code dev.credrift.drift.detected.v1.json}. */
    public DriftDetected {
        Check.required(bindingId, "bindingId");
        Check.required(driftClass, "driftClass");
        Check.required(authority, "authority");
        Check.required(fingerprints, "fingerprints");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.DRIFT_DETECTED;
    }
}
