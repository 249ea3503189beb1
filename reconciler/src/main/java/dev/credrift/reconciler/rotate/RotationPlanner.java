package dev.credrift.reconciler.rotate;

import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.RotationMode;
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
import dev.credrift.reconciler.rotate.RotationDecision.RefusalReason;
import dev.credrift.reconciler.rotate.RotationDecision.Refuse;
import dev.credrift.reconciler.rotate.RotationDecision.Resume;
import dev.credrift.reconciler.rotate.RotationDecision.RollBack;
import dev.credrift.reconciler.rotate.RotationDecision.Wait;
import dev.credrift.reconciler.rotate.RotationJournal.Phase;
import dev.credrift.reconciler.rotate.RotationJournal.StepRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides a binding's rotation from its {@code spec.rotation}, the open rotation's journal, what the store and the
 * hops hold now, and the time. Pure apart from reading the injected clock; table-tested in
 * {@code RotationPlannerTest}.
 *
 * <p>The rules it guarantees: a mint is never repeated once journaled (a crash during it adopts the key the store
 * added); the old key is never revoked before {@link RotationStepKind#PROVE_CONSUMERS} and {@code revokeAfter} have
 * completed, nor while any hop still holds it; a halted rotation stays halted (old key valid) until a human or a
 * new request starts over.
 */
public final class RotationPlanner {

    private static final List<RotationStepKind> PLAN = List.of(RotationStepKind.values());

    private final Clock clock;

    public RotationPlanner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param rotation        the binding's {@code spec.rotation}
     * @param bindingObserves {@code spec.mode: Observe}: a binding that is only observed is never rotated either
     * @param open            the open rotation's journal, if one is open
     */
    public RotationDecision decide(
            Rotation rotation, boolean bindingObserves, Optional<RotationJournal> open, RotationFacts facts) {
        Instant now = clock.instant();
        if (open.isPresent() && !open.get().isDone()) {
            return resume(rotation, open.get(), facts, now);
        }
        return whenIdle(rotation, bindingObserves, facts, now);
    }

    private static RotationDecision whenIdle(
            Rotation rotation, boolean bindingObserves, RotationFacts facts, Instant now) {
        Optional<Duration> every = rotation.everyDuration();
        if ((rotation.every() != null && every.isEmpty())
                || (rotation.maxAge() != null && rotation.maxAgeDuration().isEmpty())) {
            return new Refuse(RefusalReason.INVALID_SPEC, "spec.rotation is not valid (see the Valid condition)");
        }
        Optional<Duration> age = facts.keySince().map(since -> Duration.between(since, now));
        if (every.isEmpty() || !facts.capability().mints()) {
            // a role-based binding's spec.rotation can only be maxAge (the validator refuses every): it is answered
            // with the token lifetimes, since its keys are never old
            Optional<RotationDecision> refusal = refusal(
                    facts, every.isPresent() || facts.rotateNow() || facts.capability() == Capability.ROLE_BASED);
            Optional<Duration> maxAge = rotation.maxAgeDuration();
            if (maxAge.isPresent() && age.isPresent() && age.get().compareTo(maxAge.get()) > 0) {
                return new AgeAlert(age.get(), maxAge.get());
            }
            if (refusal.isPresent()) {
                return refusal.get();
            }
            Instant alertAt =
                    facts.keySince().flatMap(since -> maxAge.map(since::plus)).orElse(Instant.MAX);
            return new NotDue(alertAt);
        }
        Instant dueAt = facts.keySince().map(since -> since.plus(every.get())).orElse(now);
        if (facts.rotateNow()) {
            // asked for: the window is for schedules, not for a human who wants it now
            return observes(rotation, bindingObserves) ? new ObserveOnly(now, PLAN) : new Due(now, true);
        }
        if (now.isBefore(dueAt)) {
            return new NotDue(dueAt);
        }
        if (rotation.window() != null) {
            Optional<Instant> opens = WindowCalendar.nextOpening(rotation.window(), now);
            if (opens.isEmpty()) {
                return new Refuse(RefusalReason.INVALID_SPEC, "spec.rotation.window never opens");
            }
            if (opens.get().isAfter(now)) {
                return new OutsideWindow(dueAt, opens.get());
            }
        }
        return observes(rotation, bindingObserves) ? new ObserveOnly(dueAt, PLAN) : new Due(dueAt, false);
    }

    private static boolean observes(Rotation rotation, boolean bindingObserves) {
        return bindingObserves || rotation.mode() == RotationMode.OBSERVE;
    }

    private static Optional<RotationDecision> refusal(RotationFacts facts, boolean wantsRotation) {
        if (!wantsRotation) {
            return Optional.empty();
        }
        return switch (facts.capability()) {
            case ROOK_WITHOUT_SPEC_KEYS ->
                Optional.of(new Refuse(
                        RefusalReason.ROOK_WITHOUT_SPEC_KEYS,
                        "the CephObjectStoreUser has no spec.keys: Rook keeps one key and deletes any other, so two keys"
                                + " cannot overlap; move the user to spec.keys (Rook 1.17+) to rotate it"));
            case ROLE_BASED ->
                Optional.of(new Refuse(
                        RefusalReason.ROLE_BASED,
                        "role-based binding: no static key to rotate; "
                                + facts.lifetimes()
                                        .map(TokenLifetimes::describe)
                                        .orElse("its tokens expire by themselves")));
            case NO_MINT ->
                Optional.of(new Refuse(
                        RefusalReason.NO_MINT,
                        "credrift cannot mint keys for this"
                                + " source; use spec.rotation.maxAge to alert on key age"));
            default -> Optional.empty();
        };
    }

    private static RotationDecision resume(
            Rotation rotation, RotationJournal journal, RotationFacts facts, Instant now) {
        if (journal.halt() != null) {
            return new Halted(journal.halt());
        }
        if (!journal.hasCompleted(RotationStepKind.MINT)) {
            return resumeMint(journal, facts);
        }
        StepRecord last = journal.last().orElseThrow();
        RotationStepKind step =
                last.phase() == Phase.STARTED ? last.step() : last.step().next().orElseThrow();
        String why = last.phase() == Phase.STARTED
                ? "re-run after a crash during the step (idempotent)"
                : "next step after " + last.step();
        if (facts.bindingHalt().isPresent() && !journal.hasCompleted(RotationStepKind.PROVE_CONSUMERS)) {
            if (journal.hasCompleted(RotationStepKind.WRITE_VAULT) && !journal.rolledBack()) {
                // the vault moved: give it the old key back (where the store still has it), then halt
                return new RollBack(step, facts.bindingHalt().get());
            }
            // the consumers failed on the new key: keep the old one valid (never revoked) and say so, once
            return new Blocked(
                    step,
                    "the binding's remediation halted before every consumer was proven on the new key ("
                            + facts.bindingHalt().get()
                            + "); the old key stays valid and nothing is revoked: fix the consumers, clear the halt"
                            + " (credrift.dev/clear-halt) and ask for a rotation again");
        }
        if (step.compareTo(RotationStepKind.WAIT_REVOKE_AFTER) >= 0
                && !journal.hasCompleted(RotationStepKind.PROVE_CONSUMERS)) {
            return new Blocked(step, "consumers are not proven on the new key");
        }
        if (step == RotationStepKind.WAIT_REVOKE_AFTER) {
            Duration grace = rotation.revokeAfterDuration().orElse(Duration.ofMinutes(10));
            Instant until = journal.completedAt(RotationStepKind.PROVE_CONSUMERS)
                    .orElseThrow()
                    .plus(grace);
            return now.isBefore(until) ? new Wait(step, until) : new Resume(step, "revokeAfter has passed");
        }
        if (step == RotationStepKind.REVOKE) {
            return revoke(journal, facts, why);
        }
        return new Resume(step, why);
    }

    /** The mint was started (or not even that) but not recorded as completed: find out whether it happened. */
    private static RotationDecision resumeMint(RotationJournal journal, RotationFacts facts) {
        Set<String> added = facts.storeKeys().stream()
                .filter(k -> !journal.keysBefore().contains(k))
                .collect(Collectors.toSet());
        if (added.size() > 1) {
            return new Blocked(
                    RotationStepKind.MINT,
                    "the store user holds " + added.size() + " keys that were not"
                            + " there before the mint: not minting another; a human must remove the extra ones");
        }
        if (added.size() == 1) {
            return new AdoptMinted(added.iterator().next());
        }
        return new Resume(
                RotationStepKind.MINT,
                journal.hasStarted(RotationStepKind.MINT)
                        ? "the store holds no new key: the mint did not happen"
                        : "start");
    }

    private static RotationDecision revoke(RotationJournal journal, RotationFacts facts, String why) {
        String old = journal.oldAccessKeyId();
        List<String> holders = facts.heldBy().entrySet().stream()
                .filter(e -> old.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!holders.isEmpty()) {
            return new Blocked(
                    RotationStepKind.REVOKE,
                    "old key " + AccessKeyMask.mask(old) + " is still held by " + String.join(", ", holders));
        }
        if (journal.newAccessKeyId() == null || !facts.storeKeys().contains(journal.newAccessKeyId())) {
            // revoking the old key now would leave the user with no key at all
            return new Blocked(RotationStepKind.REVOKE, "the store does not list the new key");
        }
        return new Resume(RotationStepKind.REVOKE, why);
    }
}
