package dev.credrift.reconciler.step;

import dev.credrift.events.payload.RemediationHalted;
import java.time.Duration;
import java.util.Objects;

/** How a step ended. Details are for humans: object names, fingerprints, masked key ids. */
public sealed interface StepOutcome {

    String detail();

    /** The step did its work. */
    record Done(String detail) implements StepOutcome {
        public Done {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The step found its work already done (a resumed remediation, a repeated event) and did nothing. */
    record AlreadyDone(String detail) implements StepOutcome {
        public AlreadyDone {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The step failed; the remediation ends.
     *
     * @param code      UPPER_SNAKE, e.g. {@code REPLICA_NOT_SYNCED}
     * @param retryable whether trying again later may succeed without anyone changing anything
     */
    record Failed(String code, String detail, boolean retryable) implements StepOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The binding must halt: no automatic action until a human clears it or the binding changes. */
    record Halt(RemediationHalted.Reason reason, String detail) implements StepOutcome {
        public Halt {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The step may not act yet (the global rollout budget is spent); the remediation stays open and resumes later. */
    record Deferred(String code, String detail, Duration retryIn) implements StepOutcome {
        public Deferred {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(retryIn, "retryIn");
        }
    }
}
