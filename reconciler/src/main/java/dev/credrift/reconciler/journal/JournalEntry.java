package dev.credrift.reconciler.journal;

import dev.credrift.api.status.LastRemediation;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.assess.ReplicaMark;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One binding's journal record (see the package documentation). Immutable; every field but the id may be absent.
 *
 * @param v               the format version, {@value #VERSION}
 * @param driftedSince    when the binding last left {@code IN_SYNC}, while it is out of sync
 * @param rollouts        when this binding's consumers were rolled, for the per-hour budget
 */
public record JournalEntry(int v, BindingId bindingId, LastVerdict lastVerdict, Instant driftedSince,
        ReplicaMark replica, OpenRemediation remediation, LastRemediation lastRemediation, HaltRecord halt,
        List<Instant> rollouts, RetryRecord retry, AuditHead auditHead) {

    public static final int VERSION = 1;

    public JournalEntry {
        Objects.requireNonNull(bindingId, "bindingId");
        rollouts = rollouts == null ? List.of() : List.copyOf(rollouts);
    }

    public static JournalEntry empty(BindingId bindingId) {
        return new JournalEntry(VERSION, bindingId, null, null, null, null, null, null, List.of(), null, null);
    }

    public Optional<OpenRemediation> openRemediation() {
        return Optional.ofNullable(remediation);
    }

    public Optional<HaltRecord> halted() {
        return Optional.ofNullable(halt);
    }

    public Optional<ReplicaMark> replicaMark() {
        return Optional.ofNullable(replica);
    }

    public JournalEntry withLastVerdict(LastVerdict verdict) {
        return new JournalEntry(VERSION, bindingId, verdict, driftedSince, replica, remediation, lastRemediation,
                halt, rollouts, retry, auditHead);
    }

    public JournalEntry withDriftedSince(Instant since) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, since, replica, remediation, lastRemediation, halt,
                rollouts, retry, auditHead);
    }

    public JournalEntry withReplica(ReplicaMark mark) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, mark, remediation, lastRemediation,
                halt, rollouts, retry, auditHead);
    }

    public JournalEntry withRemediation(OpenRemediation open) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, replica, open, lastRemediation, halt,
                rollouts, retry, auditHead);
    }

    public JournalEntry withLastRemediation(LastRemediation last) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, replica, remediation, last, halt,
                rollouts, retry, auditHead);
    }

    public JournalEntry withHalt(HaltRecord newHalt) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, replica, remediation, lastRemediation,
                newHalt, rollouts, retry, auditHead);
    }

    public JournalEntry withRollouts(List<Instant> window) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, replica, remediation, lastRemediation,
                halt, window, retry, auditHead);
    }

    public JournalEntry withRetry(RetryRecord newRetry) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, replica, remediation, lastRemediation,
                halt, rollouts, newRetry, auditHead);
    }

    public JournalEntry withAuditHead(AuditHead head) {
        return new JournalEntry(VERSION, bindingId, lastVerdict, driftedSince, replica, remediation, lastRemediation,
                halt, rollouts, retry, head);
    }
}
