package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The DaemonSet controller on the sandbox's single node: one pod {@code <daemonset>-<5 random>} labelled with
 * {@code controller-revision-hash} and {@code pod-template-generation}; {@code RollingUpdate} (maxUnavailable 1)
 * replaces an outdated pod by deleting it first, {@code OnDelete} only when someone deletes it.
 */
final class DaemonSetController {

    private final KubernetesClient client;
    private final PodFactory pods;
    private final RolloutLog rollouts;

    DaemonSetController(KubernetesClient client, PodFactory pods, RolloutLog rollouts) {
        this.client = client;
        this.pods = pods;
        this.rollouts = rollouts;
    }

    boolean sync(DaemonSet set, List<Pod> owned, Predicate<Pod> runningAndReady, Instant now) {
        String name = set.getMetadata().getName();
        String namespace = set.getMetadata().getNamespace();
        String hash = TemplateHash.of(set.getSpec().getTemplate());
        rollouts.observe(new WorkloadRef(namespace, WorkloadKind.DAEMON_SET, name), hash, now);
        boolean onDelete = set.getSpec().getUpdateStrategy() != null
                && "OnDelete".equals(set.getSpec().getUpdateStrategy().getType());
        boolean changed = false;
        if (owned.isEmpty()) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(StatefulSetController.REVISION_LABEL, hash);
            labels.put(
                    "pod-template-generation", String.valueOf(set.getMetadata().getGeneration()));
            changed |= pods.create(
                            set,
                            name + "-" + TemplateHash.randomSuffix(5),
                            set.getSpec().getTemplate(),
                            labels,
                            spec -> {})
                    .isPresent();
        } else if (!onDelete) {
            for (Pod pod : owned) {
                if (!hash.equals(StatefulSetController.revision(pod))) {
                    pods.delete(pod, "rolling update of DaemonSet " + name);
                    changed = true;
                    break;
                }
            }
        }
        if (owned.size() > 1) {
            for (Pod extra : owned.subList(1, owned.size())) {
                pods.delete(extra, "one pod per node");
                changed = true;
            }
        }
        int ready = (int) owned.stream().filter(runningAndReady).count();
        int updated = (int) owned.stream()
                .filter(p -> hash.equals(StatefulSetController.revision(p)))
                .count();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", set.getMetadata().getGeneration());
        status.put("desiredNumberScheduled", 1);
        status.put("currentNumberScheduled", Math.min(1, owned.size()));
        status.put("numberMisscheduled", 0);
        status.put("numberReady", ready);
        status.put("numberAvailable", ready);
        status.put("numberUnavailable", Math.max(0, 1 - ready));
        status.put("updatedNumberScheduled", updated);
        changed |= StatusPatcher.patchIfChanged(
                client.apps().daemonSets().inNamespace(namespace).withName(name), set.getStatus(), status);
        return changed;
    }
}
