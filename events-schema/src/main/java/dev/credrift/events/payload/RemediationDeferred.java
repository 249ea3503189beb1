package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.time.Instant;

/**
 * A limiter or budget refused a remediation's step (architecture.md §5.1 rule 4): the remediation stays open and is tried
 * again at {@code retryAt}. Not a failure.
 *
 * @param reason  which budget refused, e.g. {@code VAULT_WRITE_RATE_LIMITED}, {@code GLOBAL_ROLLOUT_LIMIT}
 * @param retryAt when the reconciler tries again by itself
 * @param detail  what waits for what, for a human
 */
public record RemediationDeferred(
        BindingId bindingId,
        String remediationId,
        Integer stepIndex,
        StepKind step,
        String reason,
        Instant retryAt,
        String detail)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.deferred.v1.json}. */
    public RemediationDeferred {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        if (stepIndex != null) {
            Check.atLeast(stepIndex, 0, "stepIndex");
        }
        Check.code(reason, "reason");
        Check.required(retryAt, "retryAt");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_DEFERRED;
    }
}
