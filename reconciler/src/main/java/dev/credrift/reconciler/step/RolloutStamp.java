package dev.credrift.reconciler.step;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The {@code restartedAt} a rollout sets, and the one ambiguity of whole seconds (issue 12, soak seed
 * 6794116738806631752: a key rotated twice within a second). Pure.
 *
 * <p>kubectl stamps whole seconds, and a patch with the value the template already carries restarts nothing. A
 * remediation that rolls in the same second as the one it superseded must stamp a value of its own, or its
 * "rollout" leaves the pods of the first on the key rotated away — which then fail the readiness gate although the
 * store accepts the authority. And pods of a rollout stamped in the very second the replica changed look fresh by
 * their stamp; the binding's journal knows whether that rollout came before the change.
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

    /**
     * Whether the rollout that stamped the template was made before the replica changed although in the same second
     * (its pods may hold the key before the change): told by the stamp itself when it has a fraction, else by this
     * binding's own restarts in that second (journaled with their instant).
     *
     * @param template  the template's {@code restartedAt}
     * @param changedAt when the replica changed to what it holds now, if known
     * @param restarts  when this binding's rollouts were made (the journal's window)
     */
    static boolean precededChange(Optional<String> template, Optional<Instant> changedAt, List<Instant> restarts) {
        Optional<Instant> stamped = template.flatMap(RolloutStamp::time);
        if (stamped.isEmpty() || changedAt.isEmpty()) {
            return false;
        }
        Instant second = changedAt.get().truncatedTo(ChronoUnit.SECONDS);
        if (!stamped.get().truncatedTo(ChronoUnit.SECONDS).equals(second)) {
            return false;
        }
        if (stamped.get().getNano() != 0) {
            return stamped.get().isBefore(changedAt.get());
        }
        return restarts.stream()
                .filter(r -> r.truncatedTo(ChronoUnit.SECONDS).equals(second))
                .min(Instant::compareTo)
                .filter(first -> first.isBefore(changedAt.get()))
                .isPresent();
    }

    /** A {@code restartedAt} value as an instant; empty when it is not one (someone else's annotation). */
    static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
