package dev.credrift.reconciler.rotate;

import dev.credrift.api.status.ConditionStatus;
import dev.credrift.api.status.RotationKey;
import dev.credrift.api.status.RotationPhase;
import dev.credrift.api.status.RotationStatus;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.rotate.RotationDecision.AdoptMinted;
import dev.credrift.reconciler.rotate.RotationDecision.AgeAlert;
import dev.credrift.reconciler.rotate.RotationDecision.Blocked;
import dev.credrift.reconciler.rotate.RotationDecision.Due;
import dev.credrift.reconciler.rotate.RotationDecision.Halted;
import dev.credrift.reconciler.rotate.RotationDecision.NotDue;
import dev.credrift.reconciler.rotate.RotationDecision.ObserveOnly;
import dev.credrift.reconciler.rotate.RotationDecision.OutsideWindow;
import dev.credrift.reconciler.rotate.RotationDecision.Refuse;
import dev.credrift.reconciler.rotate.RotationDecision.Resume;
import dev.credrift.reconciler.rotate.RotationDecision.RollBack;
import dev.credrift.reconciler.rotate.RotationDecision.Wait;
import dev.credrift.reconciler.rotate.RotationJournal.Phase;
import dev.credrift.reconciler.rotate.RotationJournal.StepRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a binding's status says about its rotation: {@code status.rotation} and the {@code Rotating} condition, from
 * the planner's decision and the journal (open or last rotation). Pure; table-tested in {@code RotationViewTest}.
 *
 * @param status    {@code status.rotation}
 * @param rotating  the {@code Rotating} condition's status: {@code True} only while a rotation is open
 * @param reason    the condition's CamelCase reason (the phase while open; {@code NotDue}, {@code Completed}, …)
 * @param message   the condition's message (also {@code status.rotation.message})
 */
public record RotationView(RotationStatus status, ConditionStatus rotating, String reason, String message) {

    public RotationView {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rotating, "rotating");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The phase a rotation is in while {@code step} is under way. */
    public static RotationPhase phaseOf(RotationStepKind step) {
        return switch (step) {
            case MINT -> RotationPhase.MINTING;
            case PROBE_NEW -> RotationPhase.PROBING_NEW;
            case WRITE_VAULT -> RotationPhase.WRITING_VAULT;
            case FORCE_SYNC -> RotationPhase.SYNCING;
            case AWAIT_REPLICA -> RotationPhase.AWAITING_REPLICA;
            case ROLL -> RotationPhase.ROLLING;
            case PROVE_CONSUMERS -> RotationPhase.PROVING;
            case WAIT_REVOKE_AFTER -> RotationPhase.WAITING_TO_REVOKE;
            case REVOKE -> RotationPhase.REVOKING;
            case PROVE_OLD_REFUSED -> RotationPhase.PROVING_REVOKED;
        };
    }

    /**
     * @param decision  the planner's decision for this handling
     * @param journal   the open rotation, else the last one (completed or halted), if any
     * @param lastRequest the {@code rotate-now} token acted on last (kept across rotations), if any
     * @param scheduled whether {@code spec.rotation.every} is set: without it there is no {@code nextDue}
     * @param outcome   what status last said of a decision that opened no rotation (Observed, Refused), shown while
     *                  nothing newer happened
     */
    public static RotationView of(
            RotationDecision decision,
            Optional<RotationJournal> journal,
            Optional<String> lastRequest,
            boolean scheduled,
            Optional<RotationStatus> outcome) {
        Objects.requireNonNull(decision, "decision");
        RotationStatus base = journal.map(j -> fromJournal(j, lastRequest.orElse(null)))
                .or(() -> outcome.map(o -> copy(o, o.phase(), o.nextDue(), lastRequest.orElse(null), o.message())))
                .orElseGet(() -> new RotationStatus(
                        null, null, null, null, null, null, null, null, lastRequest.orElse(null), null));
        if (decision instanceof NotDue notDue) {
            Instant next = scheduled ? nextDue(notDue.nextDue()) : null;
            return idle(base, next, notDueMessage(base, next));
        }
        if (decision instanceof OutsideWindow w) {
            return terminalOr(
                    base,
                    w.dueSince(),
                    "OutsideWindow",
                    "a rotation is due since " + w.dueSince() + "; the maintenance window opens at " + w.opens());
        }
        if (decision instanceof ObserveOnly o) {
            return fresh(
                    base,
                    RotationPhase.OBSERVED,
                    "Observed",
                    "mode Observe: a rotation is due since " + o.dueSince() + "; plan published ("
                            + o.plan().stream().map(Enum::name).collect(Collectors.joining(" → "))
                            + "), nothing changed");
        }
        if (decision instanceof Refuse r) {
            return fresh(base, RotationPhase.REFUSED, "Refused", "not rotated: " + r.detail());
        }
        if (decision instanceof AgeAlert a) {
            return terminalOr(
                    base,
                    null,
                    "KeyTooOld",
                    "the key is " + a.age().toDays() + " d old, older than maxAge "
                            + a.maxAge().toDays()
                            + " d: rotate it by hand (credrift cannot mint keys for this source)");
        }
        if (decision instanceof Due d) {
            return terminalOr(
                    base,
                    d.dueSince(),
                    "Due",
                    (d.onDemand() ? "a rotation was requested" : "a rotation is due since " + d.dueSince())
                            + "; this version carries out MinIO service-account rotations only (issue 17)");
        }
        if (decision instanceof Halted h) {
            return new RotationView(
                    copy(base, RotationPhase.HALTED, base.nextDue(), base.lastRequest(), haltMessage(base, h.reason())),
                    ConditionStatus.FALSE,
                    "Halted",
                    haltMessage(base, h.reason()));
        }
        if (decision instanceof Blocked b) {
            return open(base, "rotation blocked at " + b.step() + ": " + b.reason() + "; the old key stays valid");
        }
        if (decision instanceof RollBack rb) {
            return open(
                    base,
                    "the consumers failed on the new key (" + rb.reason() + "): putting the old key back"
                            + " into the vault");
        }
        if (decision instanceof Wait w) {
            return open(base, "every consumer is proven on the new key; the old key is revoked at " + w.until());
        }
        if (decision instanceof AdoptMinted a) {
            return open(
                    base,
                    "adopting the key the store added during the interrupted mint ("
                            + AccessKeyMask.mask(a.accessKeyId()).value() + ")");
        }
        Resume r = (Resume) decision;
        return open(base, "rotation at " + r.step() + ": " + r.why());
    }

    private static RotationStatus fromJournal(RotationJournal j, String lastRequest) {
        RotationPhase phase;
        Instant finishedAt = null;
        String step;
        Optional<StepRecord> last = j.last();
        if (j.halt() != null) {
            phase = RotationPhase.HALTED;
            finishedAt = last.map(StepRecord::at).orElse(j.startedAt());
            step = last.map(r -> r.step().name()).orElse(RotationStepKind.MINT.name());
        } else if (j.isDone()) {
            phase = RotationPhase.COMPLETED;
            finishedAt = j.completedAt(RotationStepKind.PROVE_OLD_REFUSED).orElseThrow();
            step = RotationStepKind.PROVE_OLD_REFUSED.name();
        } else {
            RotationStepKind current = last.map(r -> r.phase() == Phase.STARTED
                            ? r.step()
                            : r.step().next().orElse(r.step()))
                    .orElse(RotationStepKind.MINT);
            phase = phaseOf(current);
            step = current.name();
        }
        return new RotationStatus(
                phase,
                j.rotationId(),
                j.startedAt(),
                finishedAt,
                step,
                j.newAccessKeyId() == null
                        ? null
                        : new RotationKey(AccessKeyMask.mask(j.newAccessKeyId()).value(), null),
                new RotationKey(AccessKeyMask.mask(j.oldAccessKeyId()).value(), null),
                null,
                j.request() != null ? j.request() : lastRequest,
                j.halt());
    }

    private static RotationView idle(RotationStatus base, Instant nextDue, String message) {
        RotationStatus status = copy(base, base.phase(), nextDue, base.lastRequest(), message);
        String reason =
                base.phase() != null && !base.phase().open() ? base.phase().wireName() : "NotDue";
        return new RotationView(status, ConditionStatus.FALSE, reason, message);
    }

    // a decision that says something about the next rotation, while the last one's phase stays on show
    private static RotationView terminalOr(RotationStatus base, Instant nextDue, String reason, String message) {
        if (base.phase() != null && base.phase().open()) {
            return open(base, message);
        }
        return new RotationView(
                copy(base, base.phase(), nextDue, base.lastRequest(), message), ConditionStatus.FALSE, reason, message);
    }

    // a decision that is itself the rotation's outcome (refused, observed): it replaces the last one's phase
    private static RotationView fresh(RotationStatus base, RotationPhase phase, String reason, String message) {
        RotationStatus status =
                new RotationStatus(phase, null, null, null, null, null, null, null, base.lastRequest(), message);
        return new RotationView(status, ConditionStatus.FALSE, reason, message);
    }

    private static RotationView open(RotationStatus base, String message) {
        RotationPhase phase = base.phase() == null ? RotationPhase.MINTING : base.phase();
        return new RotationView(
                copy(base, phase, base.nextDue(), base.lastRequest(), message),
                ConditionStatus.TRUE,
                phase.wireName(),
                message);
    }

    private static String haltMessage(RotationStatus base, String reason) {
        String old = base.oldKey() == null
                ? "the old key"
                : "old key " + base.oldKey().accessKeyId();
        return "rotation halted: " + reason + "; " + old + " is still valid. Fix the cause, then request a new"
                + " rotation (credrift rotate NAME) or change the binding";
    }

    private static String notDueMessage(RotationStatus base, Instant nextDue) {
        if ((base.phase() == RotationPhase.OBSERVED || base.phase() == RotationPhase.REFUSED)
                && base.message() != null) {
            return base.message(); // how the last request ended stays readable until something newer happens
        }
        String next = nextDue == null || Instant.MAX.equals(nextDue)
                ? "no rotation is scheduled"
                : "next rotation due at " + nextDue;
        return base.phase() == RotationPhase.COMPLETED ? "last rotation completed; " + next : next;
    }

    private static Instant nextDue(Instant at) {
        return Instant.MAX.equals(at) ? null : at;
    }

    // a record copy with what a decision changes: the phase, when the next is due, the request, the message
    private static RotationStatus copy(
            RotationStatus s, RotationPhase phase, Instant nextDue, String lastRequest, String message) {
        return new RotationStatus(
                phase,
                s.rotationId(),
                s.startedAt(),
                s.finishedAt(),
                s.step(),
                s.newKey(),
                s.oldKey(),
                nextDue,
                lastRequest,
                message);
    }
}
