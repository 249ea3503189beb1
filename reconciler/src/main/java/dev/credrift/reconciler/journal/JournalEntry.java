package dev.credrift.reconciler.journal;

import dev.credrift.api.status.LastRemediation;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.rotate.RotationJournal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One binding's journal record (see the package documentation). Immutable; every field but the id may be absent.
 *
 * @param v               the format version, {@value #VERSION}
 * @param driftedSince    when the binding last left {@code IN_SYNC}, while it is out of sync
 * @param rollouts        when this binding's remediations rolled consumers, for its {@code rollout.maxPerHour}
 * @param restarts        when each of this binding's workloads was restarted within the last hour: the global
 *                        rollout budget is rebuilt from these on start, so a restart does not refill it
 * @param supersessions   when this binding's remediations were superseded by a change of the authority, within the
 *                        flapping window: too many and the source is flapping (architecture.md §5.1 rule 6)
 * @param rotation        the binding's open rotation, or the last one once it ended (completed or halted: status
 *                        shows it and its {@code rotate-now} token is never acted on twice); a rotation is a
 *                        remediation kind of its own, never open beside a drift remediation
 * @param rotationMemory  what the rotation schedule remembers between handlings (key age, last request)
 */
public record JournalEntry(
        int v,
        BindingId bindingId,
        LastVerdict lastVerdict,
        Instant driftedSince,
        ReplicaMark replica,
        OpenRemediation remediation,
        LastRemediation lastRemediation,
        HaltRecord halt,
        List<Instant> rollouts,
        RetryRecord retry,
        AuditHead auditHead,
        List<Instant> restarts,
        List<Instant> supersessions,
        RotationJournal rotation,
        RotationMemory rotationMemory) {

    public static final int VERSION = 1;

    public JournalEntry {
        Objects.requireNonNull(bindingId, "bindingId");
        rollouts = rollouts == null ? List.of() : List.copyOf(rollouts);
        restarts = restarts == null ? List.of() : List.copyOf(restarts);
        supersessions = supersessions == null ? List.of() : List.copyOf(supersessions);
    }

    public static JournalEntry empty(BindingId bindingId) {
        return new JournalEntry(
                VERSION, bindingId, null, null, null, null, null, null, List.of(), null, null, List.of(), List.of(),
                null, null);
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
        return new JournalEntry(
                VERSION,
                bindingId,
                verdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withDriftedSince(Instant since) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                since,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withReplica(ReplicaMark mark) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                mark,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withRemediation(OpenRemediation open) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                open,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withLastRemediation(LastRemediation last) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                last,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withHalt(HaltRecord newHalt) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                newHalt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withRollouts(List<Instant> window) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                window,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withRestarts(List<Instant> window) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                window,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withRetry(RetryRecord newRetry) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                newRetry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withAuditHead(AuditHead head) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                head,
                restarts,
                supersessions,
                rotation,
                rotationMemory);
    }

    public JournalEntry withSupersessions(List<Instant> window) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                window,
                rotation,
                rotationMemory);
    }

    public RotationMemory rotationMemoryOrNone() {
        return rotationMemory == null ? RotationMemory.NONE : rotationMemory;
    }

    public Optional<RotationJournal> rotationJournal() {
        return Optional.ofNullable(rotation);
    }

    /** Whether a rotation is open: started, neither completed nor halted. */
    public boolean rotationOpen() {
        return rotation != null && !rotation.isDone() && rotation.halt() == null;
    }

    public JournalEntry withRotation(RotationJournal journal) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                journal,
                rotationMemory);
    }

    public JournalEntry withRotationMemory(RotationMemory memory) {
        return new JournalEntry(
                VERSION,
                bindingId,
                lastVerdict,
                driftedSince,
                replica,
                remediation,
                lastRemediation,
                halt,
                rollouts,
                retry,
                auditHead,
                restarts,
                supersessions,
                rotation,
                memory);
    }
}
