package dev.credrift.reconciler.journal;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.DriftClass;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A remediation that has started and not ended.
 *
 * @param authority      the fingerprint it propagates; a resumed remediation whose authority moved on is abandoned
 * @param generation     the binding generation it was planned for
 * @param completed      indexes of steps that ended (done or already done)
 * @param forceSyncValue the {@code force-sync} value it set (or is about to set), reused on resume
 * @param restarts       per workload ({@code <Kind> <namespace>/<name>}), the {@code restartedAt} it set or is
 *                       about to set: journaled before the patch, reused on resume, so one rollout per workload
 * @param budgetCharged  whether this remediation's rollouts were counted against the binding's budget
 * @param deferredUntil  while the global rollout budget is spent: when to try again (observations do not skip it)
 * @param deletedPods    UIDs of stuck pods it deleted (or is about to delete) so their StatefulSet can replace them
 *                       from the rolled template: journaled before the delete, for the audit and for resume
 */
public record OpenRemediation(
        String id,
        DriftClass driftClass,
        Fingerprint authority,
        long generation,
        Instant startedAt,
        List<JournaledStep> steps,
        Set<Integer> completed,
        String forceSyncValue,
        Map<String, String> restarts,
        boolean budgetCharged,
        Instant deferredUntil,
        Set<String> deletedPods) {

    public OpenRemediation {
        steps = List.copyOf(steps);
        completed = completed == null ? Set.of() : Set.copyOf(new TreeSet<>(completed));
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
        deletedPods = deletedPods == null ? Set.of() : Set.copyOf(new TreeSet<>(deletedPods));
    }

    /** The first step not yet completed, or {@code steps.size()} when all are. */
    public int nextStep() {
        for (int i = 0; i < steps.size(); i++) {
            if (!completed.contains(i)) {
                return i;
            }
        }
        return steps.size();
    }

    public OpenRemediation withCompleted(int index) {
        Set<Integer> more = new TreeSet<>(completed);
        more.add(index);
        return copy(c -> c.completed = more);
    }

    public OpenRemediation withForceSyncValue(String value) {
        return copy(c -> c.forceSyncValue = value);
    }

    public OpenRemediation withRestart(String workload, String restartedAt) {
        Map<String, String> more = new LinkedHashMap<>(restarts);
        more.put(workload, restartedAt);
        return copy(c -> c.restarts = more);
    }

    public OpenRemediation withBudgetCharged() {
        return copy(c -> c.budgetCharged = true);
    }

    public OpenRemediation withDeferredUntil(Instant until) {
        return copy(c -> c.deferredUntil = until);
    }

    public OpenRemediation withDeletedPods(Set<String> uids) {
        Set<String> more = new TreeSet<>(deletedPods);
        more.addAll(uids);
        return copy(c -> c.deletedPods = more);
    }

    public Optional<String> restartOf(String workload) {
        return Optional.ofNullable(restarts.get(workload));
    }

    private OpenRemediation copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The one place that lists every component for the {@code with…} methods; the record's constructor checks. */
    private static final class Copy {
        private String id;
        private DriftClass driftClass;
        private Fingerprint authority;
        private long generation;
        private Instant startedAt;
        private List<JournaledStep> steps;
        private Set<Integer> completed;
        private String forceSyncValue;
        private Map<String, String> restarts;
        private boolean budgetCharged;
        private Instant deferredUntil;
        private Set<String> deletedPods;

        Copy(OpenRemediation from) {
            id = from.id;
            driftClass = from.driftClass;
            authority = from.authority;
            generation = from.generation;
            startedAt = from.startedAt;
            steps = from.steps;
            completed = from.completed;
            forceSyncValue = from.forceSyncValue;
            restarts = from.restarts;
            budgetCharged = from.budgetCharged;
            deferredUntil = from.deferredUntil;
            deletedPods = from.deletedPods;
        }

        OpenRemediation build() {
            return new OpenRemediation(
                    id,
                    driftClass,
                    authority,
                    generation,
                    startedAt,
                    steps,
                    completed,
                    forceSyncValue,
                    restarts,
                    budgetCharged,
                    deferredUntil,
                    deletedPods);
        }
    }
}
