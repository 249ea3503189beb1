package dev.credrift.reconciler.rotate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.credrift.events.payload.RotationStepKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The journal of one open rotation: which keys the store user held before the mint, the old and the new key's
 * access key ids (ids only: secrets live in the store, the vault and the replica, never in a journal), and a record
 * per step as it starts and as it completes. A crash at any point is resumed from it without minting a third key.
 *
 * <p>Immutable; every change returns a new journal that the caller persists (compacted {@code credrift.state},
 * keyed by binding) before carrying out the next effect.
 *
 * @param rotationId     unique per rotation, for events and audit records
 * @param startedAt      when the rotation started
 * @param oldAccessKeyId the key being replaced
 * @param keysBefore     every access key id the store user held right before the mint; a key outside this set after
 *                       a crash during the mint is the minted one, adopted instead of minting again
 * @param newAccessKeyId the minted key; {@code null} until the mint is recorded
 * @param records        one per step start and completion, in order
 * @param halt           why the rotation halted (old key kept), if it did
 * @param request        the {@code credrift.dev/rotate-now} token this rotation acted on, if it was asked for; kept
 *                       after the rotation ends so the same token never starts a second one
 * @param rolledBack     whether the vault was given the old key back after the consumers failed on the new one;
 *                       absent (false) in journals written before rollbacks existed
 */
public record RotationJournal(
        String rotationId,
        Instant startedAt,
        String oldAccessKeyId,
        Set<String> keysBefore,
        String newAccessKeyId,
        List<StepRecord> records,
        String halt,
        String request,
        boolean rolledBack) {

    /** Whether a step record marks its start or its completion. */
    public enum Phase {
        STARTED,
        COMPLETED
    }

    /** One journal record. */
    public record StepRecord(RotationStepKind step, Phase phase, Instant at) {
        public StepRecord {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(at, "at");
        }
    }

    public RotationJournal {
        Objects.requireNonNull(rotationId, "rotationId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(oldAccessKeyId, "oldAccessKeyId");
        keysBefore = Set.copyOf(keysBefore);
        records = List.copyOf(records);
    }

    /** A rotation about to mint: nothing recorded yet. */
    public static RotationJournal open(String rotationId, Instant at, String oldAccessKeyId, Set<String> keysBefore) {
        return new RotationJournal(rotationId, at, oldAccessKeyId, keysBefore, null, List.of(), null, null, false);
    }

    /** The same journal, acting on the {@code rotate-now} token {@code token}. */
    public RotationJournal withRequest(String token) {
        return new RotationJournal(
                rotationId, startedAt, oldAccessKeyId, keysBefore, newAccessKeyId, records, halt, token, rolledBack);
    }

    public RotationJournal started(RotationStepKind step, Instant at) {
        return with(new StepRecord(step, Phase.STARTED, at), newAccessKeyId, halt);
    }

    public RotationJournal completed(RotationStepKind step, Instant at) {
        return with(new StepRecord(step, Phase.COMPLETED, at), newAccessKeyId, halt);
    }

    /** The mint's completion, with the new key's id: recorded before the vault is written. */
    public RotationJournal minted(String accessKeyId, Instant at) {
        return with(
                new StepRecord(RotationStepKind.MINT, Phase.COMPLETED, at), Objects.requireNonNull(accessKeyId), halt);
    }

    public RotationJournal halted(String reason) {
        return new RotationJournal(
                rotationId,
                startedAt,
                oldAccessKeyId,
                keysBefore,
                newAccessKeyId,
                records,
                Objects.requireNonNull(reason, "reason"),
                request,
                rolledBack);
    }

    /** The same journal, recording that the vault holds the old key again (before the halt that follows). */
    public RotationJournal withRolledBack() {
        return new RotationJournal(
                rotationId, startedAt, oldAccessKeyId, keysBefore, newAccessKeyId, records, halt, request, true);
    }

    /** When {@code step} completed, if it did. */
    public Optional<Instant> completedAt(RotationStepKind step) {
        return records.stream()
                .filter(r -> r.step() == step && r.phase() == Phase.COMPLETED)
                .map(StepRecord::at)
                .reduce((first, second) -> second);
    }

    public boolean hasCompleted(RotationStepKind step) {
        return completedAt(step).isPresent();
    }

    /** Whether {@code step} was started (and perhaps completed). */
    public boolean hasStarted(RotationStepKind step) {
        return records.stream().anyMatch(r -> r.step() == step);
    }

    /** The last record, if any. */
    @JsonIgnore
    public Optional<StepRecord> last() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /** Whether the whole rotation has completed. */
    @JsonIgnore
    public boolean isDone() {
        return hasCompleted(RotationStepKind.PROVE_OLD_REFUSED);
    }

    private RotationJournal with(StepRecord record, String newKey, String haltReason) {
        List<StepRecord> more = new ArrayList<>(records);
        more.add(record);
        return new RotationJournal(
                rotationId, startedAt, oldAccessKeyId, keysBefore, newKey, more, haltReason, request, rolledBack);
    }
}
