package dev.credrift.reconciler.step;

import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.reconciler.world.ClusterReads;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.PodReading;
import dev.credrift.reconciler.world.WorkloadRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the pods a rolled StatefulSet's controller will never replace by itself. Under {@code podManagementPolicy:
 * OrderedReady} (the default) with a RollingUpdate strategy, the StatefulSet controller does not roll while any pod
 * is unready (kubernetes/kubernetes#67250), and the documented way out is to delete the pods that run the bad
 * config. That is exactly story 1: the consumers went unready because of the stale key, so the
 * {@code restartedAt} patch alone never rolls them.
 *
 * <p>A pod is stuck when it is owned by the set, not ready, not already terminating, and not from the rolled
 * template: it does not carry the journaled {@code restartedAt} and started before it or in the same second (or
 * never started). A pod the controller made from the new template carries the value, so it is never deleted, which
 * makes deleting idempotent across polls and crashes: one rollout per remediation. A ready pod is never touched; Parallel sets and
 * Deployments are left to their controllers, which roll unready pods themselves.
 *
 * <p>All stuck pods are deleted at once, lowest ordinal first, rather than one per poll: they are unready, so they
 * serve nothing that deleting them could break, and the controller recreates missing pods itself in ordinal order,
 * each waiting for the previous one to be Ready. Deleting one at a time would not make that safer, only slower, and
 * could exceed the readiness timeout on larger sets. The set's controller must have seen the new template first
 * (observedGeneration caught up and the template carries the value), so the replacements come from it.
 */
final class StuckPods {

    private StuckPods() {}

    /** The pods to delete, lowest ordinal first; empty when the workload is not a stuck OrderedReady StatefulSet. */
    static List<Pod> of(ClusterReads kube, WorkloadRef ref, String restartedAt) {
        if (ref.kind() != WorkloadKind.STATEFUL_SET) {
            return List.of();
        }
        Optional<HasMetadata> found = kube.workload(ref);
        if (found.isEmpty() || !(found.get() instanceof StatefulSet set) || !rolledAndStuckable(set, restartedAt)) {
            return List.of();
        }
        Instant rolledAt = instant(restartedAt);
        List<Pod> stuck = new ArrayList<>();
        for (Pod pod : kube.podsOf(ref, null)) {
            if (pod.getMetadata() == null
                    || pod.getMetadata().getDeletionTimestamp() != null
                    || pod.getMetadata().getUid() == null
                    || !PodReading.owner(pod).filter(ref::equals).isPresent()
                    || PodReading.ready(pod)) {
                continue;
            }
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            boolean fromRolledTemplate =
                    annotations != null && restartedAt.equals(annotations.get(KubeGateway.RESTARTED_AT));
            // start times and restartedAt both have second precision: a pod started in the very second of the
            // patch but without the value is from the old template, hence the "not after"
            boolean startedBefore = PodReading.startedAt(pod)
                    .map(started -> rolledAt == null || !started.isAfter(rolledAt))
                    .orElse(true);
            if (!fromRolledTemplate && startedBefore) {
                stuck.add(pod);
            }
        }
        stuck.sort(Comparator.comparingInt((Pod p) ->
                        ordinal(set.getMetadata().getName(), p.getMetadata().getName()))
                .thenComparing(p -> p.getMetadata().getName()));
        return stuck;
    }

    private static boolean rolledAndStuckable(StatefulSet set, String restartedAt) {
        StatefulSetSpec spec = set.getSpec();
        if (spec == null || "Parallel".equals(spec.getPodManagementPolicy())) {
            return false;
        }
        if (spec.getUpdateStrategy() != null
                && spec.getUpdateStrategy().getType() != null
                && !"RollingUpdate".equals(spec.getUpdateStrategy().getType())) {
            return false; // OnDelete is a roll blocker, reported as such, not worked around
        }
        Map<String, String> template =
                spec.getTemplate() == null || spec.getTemplate().getMetadata() == null
                        ? null
                        : spec.getTemplate().getMetadata().getAnnotations();
        if (template == null || !restartedAt.equals(template.get(KubeGateway.RESTARTED_AT))) {
            return false; // our patch has not landed: a replacement would come from the old template
        }
        Long generation = set.getMetadata().getGeneration();
        Long observed = set.getStatus() == null ? null : set.getStatus().getObservedGeneration();
        return generation == null || observed == null || observed >= generation;
    }

    private static Instant instant(String restartedAt) {
        try {
            return Instant.parse(restartedAt);
        } catch (DateTimeParseException e) {
            return null; // a value set by someone else's format: the annotation alone tells the template apart
        }
    }

    private static int ordinal(String setName, String podName) {
        String prefix = setName + "-";
        if (podName == null || !podName.startsWith(prefix)) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(podName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
