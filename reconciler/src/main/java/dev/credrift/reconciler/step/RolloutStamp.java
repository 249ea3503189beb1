package dev.credrift.reconciler.step;

import dev.credrift.reconciler.assess.OnReplica;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code restartedAt} a rollout sets, and the one ambiguity of whole seconds (issue 12, soak seed
 * 6794116738806631752: a key rotated twice within a second). Pure.
 *
 * <p>kubectl stamps whole seconds, and a patch with the value the template already carries restarts nothing. A
 * remediation that rolls in the same second as the one it superseded must stamp a value of its own, or its
 * "rollout" leaves the pods of the first on the key rotated away — which then fail the readiness gate although the
 * store accepts the authority. Whether the pods of a rollout stamped in the very second the replica changed read the
 * replica as it is now is for {@link OnReplica} to tell (the binding's journal knows whether that rollout came
 * before the change), for the roll step and the assessment alike.
 */
final class RolloutStamp {

    private RolloutStamp() {}

    /** Whole seconds, as kubectl sets it; with milliseconds when the template already carries that second's value. */
    static String next(Instant now, Optional<String> current) {
        String seconds = now.truncatedTo(ChronoUnit.SECONDS).toString();
        if (current.filter(seconds::equals).isEmpty()) {
            return seconds;
        }
        Instant millis = now.truncatedTo(ChronoUnit.MILLIS);
        // Instant.toString drops a zero fraction: keep one, so that the value differs from the whole second
        return millis.getNano() == 0 ? millis.plusMillis(1).toString() : millis.toString();
    }

    /** A {@code restartedAt} value as an instant; empty when it is not one (someone else's annotation). */
    static Optional<Instant> time(String text) {
        return OnReplica.time(text);
    }
}
