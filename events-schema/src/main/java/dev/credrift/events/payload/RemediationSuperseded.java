package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;

/**
 * A remediation ended because the authority's credential changed under it (architecture.md §5.1): not a failure and no halt;
 * a new remediation starts from the new authority.
 *
 * @param stepIndex the step it was about to take (or waiting in) when the change was seen, if any
 * @param step      that step's kind, if any
 * @param planned   the authority's credential the remediation was planned for
 * @param current   the authority's credential now, if it can be read
 * @param detail    what changed, for a human
 */
public record RemediationSuperseded(
        BindingId bindingId,
        String remediationId,
        Integer stepIndex,
        StepKind step,
        Fingerprint planned,
        Fingerprint current,
        String detail)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.superseded.v1.json}. */
    public RemediationSuperseded {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        if (stepIndex != null) {
            Check.atLeast(stepIndex, 0, "stepIndex");
        }
        Check.required(planned, "planned");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_SUPERSEDED;
    }
}
