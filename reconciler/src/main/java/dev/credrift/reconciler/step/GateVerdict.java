package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.util.Optional;

/**
 * What the fresh look at the authority right before a point of no return decided (architecture.md §5.1 rule 1). Pure: {@link
 * #judge} takes what was read and probed and decides; {@link AuthorityGate} reads, probes and acts on it.
 */
public sealed interface GateVerdict {

    /** The authority is the one planned for and the store accepts it now: the step may act. */
    record Proceed() implements GateVerdict {}

    /** The authority moved on since the plan: the remediation ends superseded and a new one is planned. */
    record Supersede(Optional<Fingerprint> current, String detail) implements GateVerdict {}

    /** The store refuses the planned authority now: nothing is written or rolled. */
    record Reject(String detail) implements GateVerdict {}

    /** The store could not be asked: try again later (nothing written). */
    record Unverified(String detail) implements GateVerdict {}

    /**
     * @param planned  the authority's fingerprint the remediation was planned for
     * @param current  the authority's fingerprint read just now; empty when it cannot be read
     * @param unreadable why it cannot be read, when it cannot
     * @param verdict  the store's verdict on the current authority, asked without a cache; empty when not probed
     */
    static GateVerdict judge(
            Fingerprint planned, Optional<Fingerprint> current, String unreadable, Optional<ProbeVerdict> verdict) {
        if (current.isEmpty()) {
            return new Supersede(current, "the authority's credential cannot be read any more (" + unreadable + ")");
        }
        if (!current.get().equals(planned)) {
            return new Supersede(
                    current,
                    "the authority's credential changed since the plan (" + planned + " → " + current.get() + ")");
        }
        if (verdict.isEmpty() || verdict.get() instanceof ProbeVerdict.Accepted) {
            return new Proceed();
        }
        if (verdict.get() instanceof ProbeVerdict.Unreachable) {
            return new Unverified(
                    "the store could not be asked about the authority's credential " + planned + ": " + verdict.get());
        }
        return new Reject("the store refuses the authority's credential " + planned + " now: " + verdict.get());
    }
}
