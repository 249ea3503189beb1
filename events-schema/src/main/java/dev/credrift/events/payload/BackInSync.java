package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import java.time.Instant;

/**
 * A binding that was drifted is in sync again.
 *
 * @param fingerprint   the credential every hop now holds
 * @param remediationId the remediation that healed it; absent when it healed by other hands
 * @param driftedSince  when the drift was first detected, if known
 */
public record BackInSync(BindingId bindingId, Fingerprint fingerprint, String remediationId, Instant driftedSince)
        implements EventPayload {

    /** Validates like {@code dev.credrift.drift.back-in-sync.v1.json}. */
    public BackInSync {
        Check.required(bindingId, "bindingId");
        Check.required(fingerprint, "fingerprint");
        Check.optionalToken(remediationId, "remediationId");
    }

    @Override
    public EventType type() {
        return EventType.BACK_IN_SYNC;
    }
}
