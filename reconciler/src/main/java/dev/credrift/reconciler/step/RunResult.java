package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.StepKind;
import java.time.Duration;
import java.util.Optional;

/** How a run of a remediation's steps ended. */
public sealed interface RunResult {

    /** Every step ended done or already done. */
    record Completed() implements RunResult {}

    /** A step failed. */
    record Failed(int stepIndex, StepKind step, String code, String detail, boolean retryable) implements RunResult {}

    /** A step asked for a halt. */
    record Halted(int stepIndex, StepKind step, RemediationHalted.Reason reason, String detail) implements RunResult {}

    /** A step may not act yet; the remediation stays open. */
    record Deferred(int stepIndex, StepKind step, String code, String detail, Duration retryIn) implements RunResult {}

    /** The authority changed under a step; the remediation ends superseded. */
    record Superseded(int stepIndex, StepKind step, Optional<Fingerprint> current, String detail)
            implements RunResult {}
}
