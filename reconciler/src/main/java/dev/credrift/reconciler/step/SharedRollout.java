package dev.credrift.reconciler.step;

import dev.credrift.reconciler.assess.OnReplica;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a binding may roll a workload that other bindings' replicas are read by too (architecture.md §5.1): pure,
 * {@link RollOutStep} reads, probes and acts on its decision.
 *
 * <ul>
 * <li>A rollout rolls out every credential the workload's pods read: it happens only when the store accepts each of
 * them now (rule 1); a refused one waits until its own binding has healed it.</li>
 * <li>One rollout per workload per new credential (rule 3): a rollout that another binding started after this
 * binding's replica changed makes pods that read the replica as it is now, so this binding joins it (waits for
 * its pods) instead of rolling again.</li>
 * </ul>
 */
public final class SharedRollout {

    private SharedRollout() {}

    /** What to do with the workload. */
    public sealed interface Decision {
        String detail();
    }

    /** Roll it: no rollout under way covers the replica's change, and the store accepts every credential it reads. */
    public record Roll(String detail) implements Decision {}

    /** Do not roll; wait for the rollout with this {@code restartedAt} that is under way: its pods read the replica. */
    public record Join(String restartedAt, String detail) implements Decision {}

    /** Do not roll yet: a credential its pods read is refused by the store (or it could not be asked). */
    public record Wait(String code, String detail) implements Decision {}

    /**
     * A rollout of the workload another binding's open remediation journaled (made, or about to make).
     *
     * @param binding     the other binding, {@code <namespace>/<name>}
     * @param restartedAt the value it set on the pod template
     */
    public record Claim(String binding, String restartedAt) {}

    /**
     * @param workload         the workload, for the details
     * @param replicaChangedAt when this binding's replica changed to the credential rolled out, if known
     * @param claims           rollouts of the workload other bindings' open remediations journaled
     * @param templateRestarted the workload's pod template {@code restartedAt} now, if any
     * @param podStamps        the {@code restartedAt} each of its pods carries (empty: none)
     * @param coReads          the other credentials its pods read, with the store's verdict now
     */
    public static Decision decide(
            String workload,
            Optional<Instant> replicaChangedAt,
            List<Claim> claims,
            Optional<String> templateRestarted,
            List<Optional<String>> podStamps,
            List<CoRead> coReads) {
        return decide(workload, replicaChangedAt, List.of(), claims, templateRestarted, podStamps, coReads);
    }

    /**
     * @param restarts this binding's journaled rollouts: a rollout of its own stamped in the second of the change but
     *                 made before it covers nothing ({@link OnReplica#stampFollows}, the rule pods are judged by)
     */
    public static Decision decide(
            String workload,
            Optional<Instant> replicaChangedAt,
            List<Instant> restarts,
            List<Claim> claims,
            Optional<String> templateRestarted,
            List<Optional<String>> podStamps,
            List<CoRead> coReads) {
        Optional<Join> join = join(workload, replicaChangedAt, restarts, claims, templateRestarted, podStamps);
        if (join.isPresent()) {
            return join.get();
        }
        Optional<Wait> wait = blame(workload, coReads);
        if (wait.isPresent()) {
            return wait.get();
        }
        return new Roll(
                coReads.isEmpty()
                        ? ""
                        : "the store also accepts what else its pods read: "
                                + String.join(
                                        ", ",
                                        coReads.stream().map(CoRead::describe).toList()));
    }

    /**
     * The credential the workload's pods read that the store refuses now (or could not be asked about), as a wait;
     * empty when the store accepts every one (a Secret with no usable credential is nothing the store could refuse).
     */
    public static Optional<Wait> blame(String workload, List<CoRead> coReads) {
        List<String> refused = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        for (CoRead read : coReads) {
            if (read.verdict().isEmpty() || read.verdict().get() instanceof ProbeVerdict.Accepted) {
                continue;
            }
            String what = read.describe() + ": " + read.verdict().get();
            if (read.verdict().get() instanceof ProbeVerdict.Unreachable) {
                unverified.add(what);
            } else {
                refused.add(what);
            }
        }
        if (!refused.isEmpty()) {
            return Optional.of(new Wait(
                    "SHARED_CONSUMER_REFUSED",
                    workload + " also reads a credential the store"
                            + " refuses now, which a rollout would roll out too: " + String.join("; ", refused)
                            + "; it is rolled once that binding has healed its replica"));
        }
        if (!unverified.isEmpty()) {
            return Optional.of(new Wait(
                    "SHARED_CONSUMER_UNVERIFIED",
                    workload + " also reads a credential the" + " store could not be asked about: "
                            + String.join("; ", unverified)));
        }
        return Optional.empty();
    }

    // a rollout covers the change when its pods start after it: by its restartedAt, the rule pods are judged by
    // (OnReplica). Only one under way is joined — not yet on the template (journaled, about to be patched) or with
    // pods of another stamp left; one whose pods are all there and still unready is no rollout to wait for. The
    // template's own value counts only when the change time is known.
    private static Optional<Join> join(
            String workload,
            Optional<Instant> changedAt,
            List<Instant> restarts,
            List<Claim> claims,
            Optional<String> templateRestarted,
            List<Optional<String>> podStamps) {
        List<Join> covering = new ArrayList<>();
        for (Claim claim : claims) {
            Optional<Instant> at = RolloutStamp.time(claim.restartedAt());
            boolean underWay = !templateRestarted.equals(Optional.of(claim.restartedAt()))
                    || podStamps.stream().anyMatch(p -> !p.equals(Optional.of(claim.restartedAt())));
            boolean covers = changedAt.isEmpty()
                    || OnReplica.stampFollows(Optional.of(claim.restartedAt()), changedAt.get(), restarts);
            if (underWay && at.isPresent() && covers) {
                covering.add(new Join(
                        claim.restartedAt(),
                        "not rolled: joins the rollout of " + workload
                                + " that binding " + claim.binding() + " started (restartedAt=" + claim.restartedAt()
                                + "): its pods read the replica as it is now"));
            }
        }
        if (covering.isEmpty()
                && changedAt.isPresent()
                && OnReplica.stampFollows(templateRestarted, changedAt.get(), restarts)
                && podStamps.stream().anyMatch(p -> !p.equals(templateRestarted))) {
            covering.add(new Join(
                    templateRestarted.orElseThrow(),
                    "not rolled: joins the rollout of " + workload
                            + " under way (restartedAt=" + templateRestarted.orElseThrow()
                            + ", not before the replica changed at "
                            + changedAt.get() + ")"));
        }
        return covering.stream()
                .max(Comparator.comparing(
                        j -> RolloutStamp.time(j.restartedAt()).orElse(Instant.MIN)));
    }

    /**
     * Why the workload's pods may fail for another binding's sake, if they may: a credential they read is refused
     * (or could not be asked about), or some pod started before another binding's replica changed and holds an older
     * credential of it. Neither is for this binding to heal, nor a reason to halt it.
     */
    public static Optional<String> failing(String workload, List<CoRead> coReads) {
        Optional<Wait> wait = blame(workload, coReads);
        if (wait.isPresent()) {
            return Optional.of(wait.get().detail());
        }
        List<String> stale =
                coReads.stream().filter(CoRead::stale).map(CoRead::describe).toList();
        return stale.isEmpty()
                ? Optional.empty()
                : Optional.of(workload + " has pods that started before another"
                        + " binding's replica changed, so they hold an older credential of it: "
                        + String.join("; ", stale)
                        + "; that binding rolls it");
    }

    /**
     * How long a wait for another binding's credential defers, after the step waited {@code awaitReplica} for it: as
     * long as one for the global rollout budget. That binding may be refused for good (a suspended user); its own
     * rollout of the workload, if it comes sooner, leaves nothing to roll when this one resumes.
     */
    static Duration retryIn(StepTimings timings) {
        return timings.globalDeferral();
    }

    /** The later of two {@code restartedAt} values (a later rollout replaces the pods of an earlier one). */
    static String later(String ours, Optional<String> template) {
        Optional<Instant> mine = RolloutStamp.time(ours);
        Optional<Instant> theirs = template.flatMap(RolloutStamp::time);
        return mine.isPresent() && theirs.isPresent() && theirs.get().isAfter(mine.get()) ? template.get() : ours;
    }
}
