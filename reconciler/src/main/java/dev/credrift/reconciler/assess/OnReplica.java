package dev.credrift.reconciler.assess;

import dev.credrift.events.credential.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Is a pod on the replica as it is now, judged by when it started? The one judgement that the assessment (through
 * {@link Freshness}) and the roll step share: when they judged a pod of the change's second apart, the roll step
 * skipped a pod the final assessment then called stale, and the binding healed only on a retry ~29 s later (issue 12
 * follow-up, MovingWorldIT under load). Pure.
 *
 * <p>Start times and {@code restartedAt} stamps come in whole seconds. A pod started before the second of an exact
 * change is stale, after it fresh. In that very second it is stale unless the rollout that made it came after the
 * change: its stamp is of a later second, or of that second and either carries a fraction that is not before the
 * change or is a whole second none of this binding's own rollouts of that second preceded the change in (the
 * journal keeps their instants; a stamp nothing journaled here says came first is taken as after: another
 * binding's rollout, or a human's). Better one restart too many than a pod left with the old key.
 *
 * <p>When the change time was only inferred on first sight (install: the Secret and its pods made together; an env
 * pod cannot even start before its Secret exists), a pod that started up to {@link #FIRST_SIGHT_SLACK} before it is
 * on the replica, ready or not: restarting healthy or starting pods on that ambiguity is the storm
 * docs/architecture.md §1 warns about, and a pod that did read a refused value fails readiness and is caught by the
 * not-ready rules ({@link Freshness}: grace, refusal).
 *
 * <p>A pod not started yet, or not even made yet, reads the replica when it starts, which is now at the earliest:
 * it is judged as a pod starting now with its stamp (the template's for one still to be made), so that a read in
 * the middle of a rollout — some pods deleted, their replacements not yet there — judges the same as the read after
 * it.
 */
public final class OnReplica {

    /**
     * How long before a change time inferred on first sight a pod may have started and still count as on the
     * replica. That time is the replica's metadata time (managedFields, else creationTimestamp): only an upper bound
     * of when its content changed, and in a world built at once (install, a benchmark, a busy or slow API server) ESO
     * may write the Secret seconds after the pods that read it started. At N = 300 on a slow API this restarted
     * healthy workloads whose pods started in the second before (issue 13). Pods older than this (credrift installed
     * after a rotation) are still stale.
     */
    static final Duration FIRST_SIGHT_SLACK = Duration.ofMinutes(1);

    private OnReplica() {}

    /**
     * What is known of the replica's history, the same for every caller.
     *
     * @param change   when the replica changed to what it holds now, and whether that time is exact; empty when
     *                 unknown (no pod is stale by its start then)
     * @param restarts when this binding's rollouts were made (the journal's window), to order a rollout stamped in
     *                 the very second of the change
     */
    public record History(Optional<ReplicaMark> change, List<Instant> restarts) {

        public History {
            Objects.requireNonNull(change, "change");
            restarts = List.copyOf(restarts);
        }

        /**
         * @param journaled the replica mark as journaled (or as the assessment is about to journal it)
         * @param holds     the fingerprint of what the replica holds now: a mark of another value says nothing of
         *                  when the replica changed to this one
         * @param restarts  this binding's journaled rollouts
         */
        public static History of(Optional<ReplicaMark> journaled, Optional<Fingerprint> holds, List<Instant> restarts) {
            return new History(
                    journaled.filter(m -> holds.filter(m.fingerprint()::equals).isPresent()), restarts);
        }

        /** Nothing journaled: only the mark is known (a check from the command line, another binding's replica). */
        public static History of(Optional<ReplicaMark> change) {
            return new History(change, List.of());
        }
    }

    /**
     * Whether a pod started before the replica changed (and so may hold what it held before).
     *
     * @param startedAt when it started (whole seconds); empty when not started yet
     * @param stamp     the {@code restartedAt} of the template it was (or will be) made from, if any
     * @param history   the replica's history
     * @param now       when this judgement is made: a pod not started yet starts no earlier
     */
    public static boolean startedBefore(
            Optional<Instant> startedAt, Optional<String> stamp, History history, Instant now) {
        if (history.change().isEmpty()) {
            return false;
        }
        ReplicaMark change = history.change().get();
        Instant changed = change.changedAt().truncatedTo(ChronoUnit.SECONDS);
        Instant started = startedAt.orElse(now).truncatedTo(ChronoUnit.SECONDS);
        if (change.inferred()) {
            return started.isBefore(changed.minus(FIRST_SIGHT_SLACK));
        }
        if (started.isBefore(changed)) {
            return true;
        }
        if (started.isAfter(changed)) {
            return false;
        }
        return !stampFollows(stamp, change.changedAt(), history.restarts());
    }

    /**
     * Whether the rollout that stamped {@code stamp} came after a change at {@code changedAt}: its pods read the
     * replica as it is since then. The rule for a pod started in the change's second, and for a rollout under way
     * that another rollout would join.
     *
     * @param restarts when this binding's rollouts were made
     */
    public static boolean stampFollows(Optional<String> stamp, Instant changedAt, List<Instant> restarts) {
        Optional<Instant> stamped = stamp.flatMap(OnReplica::time);
        if (stamped.isEmpty()) {
            return false;
        }
        Instant second = changedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant stampSecond = stamped.get().truncatedTo(ChronoUnit.SECONDS);
        if (!stampSecond.equals(second)) {
            return stampSecond.isAfter(second);
        }
        if (stamped.get().getNano() != 0) {
            return !stamped.get().isBefore(changedAt);
        }
        // a whole-second stamp is that second's first rollout (a second one in it gets a fraction: RolloutStamp)
        return restarts.stream()
                .filter(r -> r.truncatedTo(ChronoUnit.SECONDS).equals(second))
                .min(Instant::compareTo)
                .filter(first -> first.isBefore(changedAt))
                .isEmpty();
    }

    /** A {@code restartedAt} value as an instant; empty when it is not one (someone else's annotation). */
    public static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
