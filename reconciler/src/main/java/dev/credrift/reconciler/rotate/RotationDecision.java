package dev.credrift.reconciler.rotate;

import dev.credrift.events.payload.RotationStepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to do about a binding's rotation now: the planner's verdict, carried out by the handler as a flat chain of
 * effects (decide, then do). Only {@link Due}, {@link Resume},
 * {@link AdoptMinted} and {@link RollBack} change anything.
 */
public sealed interface RotationDecision {

    /** Why a binding is never rotated. */
    enum RefusalReason {
        /** Rook keeps one key and deletes any other: no overlap is possible until the user moves to spec.keys. */
        ROOK_WITHOUT_SPEC_KEYS,
        /** IRSA/RRSA: nothing static to rotate; report token lifetimes instead. */
        ROLE_BASED,
        /** A plain Secret: credrift cannot mint; only {@code maxAge} alerts. */
        NO_MINT,
        /** {@code spec.rotation} cannot be read (the validator names the field). */
        INVALID_SPEC
    }

    /** The current key is not due yet. */
    record NotDue(Instant nextDue) implements RotationDecision {}

    /** Due since {@code dueSince}: start a rotation with {@link RotationStepKind#MINT}. */
    record Due(Instant dueSince, boolean onDemand) implements RotationDecision {}

    /** Due, but the maintenance window is closed until {@code opens}. */
    record OutsideWindow(Instant dueSince, Instant opens) implements RotationDecision {}

    /** Due, but {@code mode: Observe}: publish the plan, change nothing. */
    record ObserveOnly(Instant dueSince, List<RotationStepKind> plan) implements RotationDecision {
        public ObserveOnly {
            plan = List.copyOf(plan);
        }
    }

    /** An open rotation goes on with {@code step} (re-run if it was started: every step is idempotent). */
    record Resume(RotationStepKind step, String why) implements RotationDecision {
        public Resume {
            Objects.requireNonNull(step, "step");
        }
    }

    /**
     * A crash hit the mint after the store added the key and before the journal recorded it: adopt that key
     * ({@code accessKeyId}) as the new one instead of minting another.
     */
    record AdoptMinted(String accessKeyId) implements RotationDecision {}

    /** The open rotation waits in {@code step} until {@code until} ({@code revokeAfter}). */
    record Wait(RotationStepKind step, Instant until) implements RotationDecision {}

    /** This binding is never rotated, for {@code reason}; {@code detail} says what to do about it. */
    record Refuse(RefusalReason reason, String detail) implements RotationDecision {}

    /** credrift cannot rotate this key and it is older than {@code maxAge}: alert. */
    record AgeAlert(Duration age, Duration maxAge) implements RotationDecision {}

    /**
     * The open rotation must not go on with {@code step}: halt, alert, keep the old key valid. Something a human must
     * look at (a hop still holds the old key at revoke time, the store holds keys nobody minted).
     */
    record Blocked(RotationStepKind step, String reason) implements RotationDecision {}

    /**
     * The consumers failed on the new key after the vault moved to it ({@code reason}, the binding's halt): put the
     * old key back into the vault where the store still gives its secret, then halt as {@link Blocked} does.
     */
    record RollBack(RotationStepKind step, String reason) implements RotationDecision {}

    /** The open rotation halted earlier (old key kept); a new generation or {@code rotate-now} starts over. */
    record Halted(String reason) implements RotationDecision {}
}
