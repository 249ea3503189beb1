package dev.credrift.reconciler.journal;

import dev.credrift.api.status.LastRemediation;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.rotate.RotationJournal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
        return copy(c -> c.lastVerdict = verdict);
    }

    public JournalEntry withDriftedSince(Instant since) {
        return copy(c -> c.driftedSince = since);
    }

    public JournalEntry withReplica(ReplicaMark mark) {
        return copy(c -> c.replica = mark);
    }

    public JournalEntry withRemediation(OpenRemediation open) {
        return copy(c -> c.remediation = open);
    }

    public JournalEntry withLastRemediation(LastRemediation last) {
        return copy(c -> c.lastRemediation = last);
    }

    public JournalEntry withHalt(HaltRecord newHalt) {
        return copy(c -> c.halt = newHalt);
    }

    public JournalEntry withRollouts(List<Instant> window) {
        return copy(c -> c.rollouts = window);
    }

    public JournalEntry withRestarts(List<Instant> window) {
        return copy(c -> c.restarts = window);
    }

    public JournalEntry withRetry(RetryRecord newRetry) {
        return copy(c -> c.retry = newRetry);
    }

    public JournalEntry withAuditHead(AuditHead head) {
        return copy(c -> c.auditHead = head);
    }

    public JournalEntry withSupersessions(List<Instant> window) {
        return copy(c -> c.supersessions = window);
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
        return copy(c -> c.rotation = journal);
    }

    public JournalEntry withRotationMemory(RotationMemory memory) {
        return copy(c -> c.rotationMemory = memory);
    }

    private JournalEntry copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /**
     * The one place that lists every component for the {@code with…} methods (a changed entry is written in the
     * current format); the record's constructor checks.
     */
    private static final class Copy {
        private BindingId bindingId;
        private LastVerdict lastVerdict;
        private Instant driftedSince;
        private ReplicaMark replica;
        private OpenRemediation remediation;
        private LastRemediation lastRemediation;
        private HaltRecord halt;
        private List<Instant> rollouts;
        private RetryRecord retry;
        private AuditHead auditHead;
        private List<Instant> restarts;
        private List<Instant> supersessions;
        private RotationJournal rotation;
        private RotationMemory rotationMemory;

        Copy(JournalEntry from) {
            bindingId = from.bindingId;
            lastVerdict = from.lastVerdict;
            driftedSince = from.driftedSince;
            replica = from.replica;
            remediation = from.remediation;
            lastRemediation = from.lastRemediation;
            halt = from.halt;
            rollouts = from.rollouts;
            retry = from.retry;
            auditHead = from.auditHead;
            restarts = from.restarts;
            supersessions = from.supersessions;
            rotation = from.rotation;
            rotationMemory = from.rotationMemory;
        }

        JournalEntry build() {
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
                    rotationMemory);
        }
    }
}
