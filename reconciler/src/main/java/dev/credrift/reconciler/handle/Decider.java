package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.journal.RetryRecord;
import dev.credrift.reconciler.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pure half of a handling: from the journal, the plan and the moment, what to do (architecture.md §5.1 rules 4 and 5).
 * No I/O, no clock of its own; {@link BindingHandler} carries the decision out.
 */
final class Decider {

    private Decider() {}

    /**
     * With a remediation open.
     *
     * @param sameSpec  whether the binding is still in mode Remediate at the generation the remediation was planned for
     * @param authority the authority's fingerprint now, empty when it cannot be read
     * @param blocker   why it may not be resumed otherwise, if so
     */
    static Decision open(
            OpenRemediation open,
            boolean sameSpec,
            Optional<Fingerprint> authority,
            Optional<String> blocker,
            Trigger trigger,
            Instant now) {
        // architecture.md §5.1 rule 1: a remediation for an authority that moved on is superseded, not failed
        if (sameSpec && !authority.equals(Optional.of(open.authority()))) {
            return new Decision.Supersede(open, authority);
        }
        if (blocker.isPresent()) {
            return new Decision.Abandon(open, blocker.get());
        }
        // a budget refused it: observations do not skip the wait, only the timer (or the budget) ends it
        if (open.deferredUntil() != null && now.isBefore(open.deferredUntil()) && trigger != Trigger.TIMER) {
            return new Decision.Defer(Duration.between(now, open.deferredUntil()));
        }
        return new Decision.Resume(open);
    }

    /**
     * With no remediation open.
     *
     * @param plan     what would heal the binding; empty or alert-only when nothing is to run
     * @param observe  whether the binding is in mode Observe
     * @param evidence the evidence now (see {@link Evidence})
     */
    static Decision idle(
            JournalEntry entry, Optional<Plan> plan, boolean observe, Trigger trigger, Instant now, String evidence) {
        if (entry.halted().isPresent() || plan.isEmpty() || plan.get().alertOnly() || observe) {
            return new Decision.StatusOnly();
        }
        RetryRecord retry = entry.retry();
        if (retry != null && retry.waitingFor() != null && retry.waitingFor().equals(evidence)) {
            return new Decision.WaitForEvidence(retry.code());
        }
        if (trigger == Trigger.TIMER && retry != null && retry.notBefore() != null && now.isBefore(retry.notBefore())) {
            return new Decision.Defer(Duration.between(now, retry.notBefore()));
        }
        return new Decision.Start(plan.get());
    }
}
