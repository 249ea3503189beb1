package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * One step of a remediation ended.
 *
 * @param stepIndex position in the plan, from 0
 * @param detail    what happened, for a human, if there is more to say than the result
 */
public record RemediationStepFinished(
        BindingId bindingId,
        String remediationId,
        int stepIndex,
        StepKind kind,
        String target,
        Result result,
        long durationMillis,
        String detail)
        implements EventPayload {

    /** Validates like {@code dev.credrift.remediation.step-finished.v1.json}. */
    public RemediationStepFinished {
        Check.required(bindingId, "bindingId");
        Check.token(remediationId, "remediationId");
        Check.atLeast(stepIndex, 0, "stepIndex");
        Check.required(kind, "kind");
        Check.text(target, "target", Check.TEXT_MAX);
        Check.required(result, "result");
        Check.atLeast(durationMillis, 0, "durationMillis");
        Check.optionalText(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.REMEDIATION_STEP_FINISHED;
    }

    /** How the step ended. */
    public enum Result {
        /** The step did its work. */
        DONE,
        /** The step found its work already done (a resumed remediation) and did nothing. */
        ALREADY_DONE,
        /** The step failed; a {@link RemediationFailed} or {@link RemediationHalted} follows. */
        FAILED
    }
}
