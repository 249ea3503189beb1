package dev.credrift.reconciler.rotate;

import dev.credrift.api.spec.Rotation;
import dev.credrift.reconciler.rotate.RotationDecision.AgeAlert;
import dev.credrift.reconciler.rotate.RotationDecision.Blocked;
import dev.credrift.reconciler.rotate.RotationDecision.Due;
import dev.credrift.reconciler.rotate.RotationDecision.Halted;
import dev.credrift.reconciler.rotate.RotationDecision.NotDue;
import dev.credrift.reconciler.rotate.RotationDecision.ObserveOnly;
import dev.credrift.reconciler.rotate.RotationDecision.OutsideWindow;
import dev.credrift.reconciler.rotate.RotationDecision.RefusalReason;
import dev.credrift.reconciler.rotate.RotationDecision.Refuse;
import dev.credrift.reconciler.rotate.RotationDecision.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code credrift check} line about a binding's key: "key age 31 d, next rotation in 2 d". Days for anything of
 * a day or more, hours below, minutes below an hour: a check line is read, not computed with.
 */
public final class RotationSummary {

    private RotationSummary() {}

    public static String checkLine(RotationDecision decision, Optional<Instant> keySince, Instant now) {
        if (decision instanceof Refuse refuse && refuse.reason() == RefusalReason.ROLE_BASED) {
            // no key of its own, so no age: the token lifetimes are the line
            return what(decision, now);
        }
        return age(keySince, now) + ", " + what(decision, now);
    }

    /**
     * The line for a binding's {@code spec.rotation}: without {@code every}, the planner's {@code NotDue} is when
     * {@code maxAge} will alert, not a rotation, and the line says so.
     */
    public static String checkLine(
            Rotation rotation, RotationDecision decision, Optional<Instant> keySince, Instant now) {
        Optional<Duration> maxAge = rotation.maxAgeDuration();
        if (decision instanceof NotDue notDue
                && rotation.everyDuration().isEmpty()
                && maxAge.isPresent()
                && !notDue.nextDue().equals(Instant.MAX)) {
            return age(keySince, now) + ", maxAge " + human(maxAge.get()) + " reached in "
                    + human(Duration.between(now, notDue.nextDue())) + " (alert only: no rotation scheduled)";
        }
        return checkLine(decision, keySince, now);
    }

    private static String age(Optional<Instant> keySince, Instant now) {
        return keySince.map(since -> "key age " + human(Duration.between(since, now)))
                .orElse("key age unknown");
    }

    private static String what(RotationDecision decision, Instant now) {
        if (decision instanceof NotDue notDue) {
            return notDue.nextDue().equals(Instant.MAX)
                    ? "no rotation scheduled"
                    : "next rotation in " + human(Duration.between(now, notDue.nextDue()));
        }
        if (decision instanceof Due) {
            return "rotation due now";
        }
        if (decision instanceof OutsideWindow outside) {
            return "rotation due, window opens in " + human(Duration.between(now, outside.opens()));
        }
        if (decision instanceof ObserveOnly) {
            return "rotation due (mode Observe: planned, not carried out)";
        }
        if (decision instanceof Wait wait) {
            return "rotating: old key revoked in " + human(Duration.between(now, wait.until()));
        }
        if (decision instanceof AgeAlert alert) {
            return "older than maxAge " + human(alert.maxAge()) + " (credrift cannot rotate it)";
        }
        if (decision instanceof Refuse refuse) {
            return "not rotated: " + refuse.detail();
        }
        if (decision instanceof Blocked blocked) {
            return "rotation blocked at " + blocked.step() + ": " + blocked.reason();
        }
        if (decision instanceof Halted halted) {
            return "rotation halted (old key kept): " + halted.reason();
        }
        return "rotating";
    }

    static String human(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        if (d.toDays() >= 1) {
            return d.toDays() + " d";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }
}
