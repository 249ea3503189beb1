package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;

/**
 * A remediation finished and every hop now holds the authority's credential.
 *
 * @param fingerprint the authority's credential, now everywhere
 */
public record RemediationSucceeded(
        BindingId bindingId, String remediationId, Fingerprint fingerprint, long durationMillis)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.succeeded.v1.json}. */
    public RemediationSucceeded {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        Check.required(fingerprint, "fingerprint");
        Check.atLeast(durationMillis, 0, "durationMillis");
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_SUCCEEDED;
    }
}
