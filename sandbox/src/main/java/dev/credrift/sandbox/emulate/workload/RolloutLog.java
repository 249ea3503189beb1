package dev.credrift.sandbox.emulate.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Template revisions seen per workload, rollouts a controller refused, and pods deleted by someone other than the
 * controllers. Thread-safe.
 */
final class RolloutLog {

    private final Map<WorkloadRef, String> lastRevision = new HashMap<>();
    private final List<RolloutRecord> rollouts = new ArrayList<>();
    private final Map<WorkloadRef, Integer> externalDeletions = new HashMap<>();
    private final Set<WorkloadRef> refused = new HashSet<>();

    /** Notes the workload's current revision; a change from the last one seen is a rollout. */
    synchronized void observe(WorkloadRef workload, String revision, Instant now) {
        String previous = lastRevision.put(workload, revision);
        if (previous != null && !previous.equals(revision)) {
            rollouts.add(new RolloutRecord(now, workload, previous, revision));
        }
    }

    /** Notes that the workload's controller held back a new revision; returns whether that is news. */
    synchronized boolean refused(WorkloadRef workload) {
        return refused.add(workload);
    }

    synchronized boolean wasRefused(WorkloadRef workload) {
        return refused.contains(workload);
    }

    synchronized void externalDeletion(WorkloadRef workload) {
        externalDeletions.merge(workload, 1, Integer::sum);
    }

    synchronized int rollouts(WorkloadRef workload) {
        return (int)
                rollouts.stream().filter(r -> r.workload().equals(workload)).count();
    }

    synchronized List<RolloutRecord> history() {
        return List.copyOf(rollouts);
    }

    synchronized int externalDeletions(WorkloadRef workload) {
        return externalDeletions.getOrDefault(workload, 0);
    }

    synchronized List<WorkloadRef> known() {
        return new ArrayList<>(lastRevision.keySet());
    }
}
