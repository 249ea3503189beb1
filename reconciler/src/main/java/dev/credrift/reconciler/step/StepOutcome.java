package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.RemediationHalted;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The authority moved on under the remediation (architecture.md §5.1): it ends, neither failed nor halted, and a new one is
     * planned from the authority as it is now.
     *
     * @param current the authority's fingerprint now, empty when it cannot be read
     */
    record Superseded(Optional<Fingerprint> current, String detail) implements StepOutcome {
        public Superseded {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
