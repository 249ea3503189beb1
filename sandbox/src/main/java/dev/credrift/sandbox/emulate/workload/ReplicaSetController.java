package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ReplicaSet controller: keeps {@code spec.replicas} pods named {@code <replicaset>-<5 random>}; when there are
 * too many it deletes the unready ones first, then the newest (the real controller's ranking, simplified).
 */
final class ReplicaSetController {

    private final KubernetesClient client;
    private final PodFactory pods;

    ReplicaSetController(KubernetesClient client, PodFactory pods) {
        this.client = client;
        this.pods = pods;
    }

    boolean sync(ReplicaSet set, List<Pod> owned, Predicate<Pod> runningAndReady) {
        int want = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        boolean changed = false;
        if (owned.size() < want) {
            for (int i = owned.size(); i < want; i++) {
                String podName = set.getMetadata().getName() + "-" + TemplateHash.randomSuffix(5);
                changed |= pods.create(set, podName, set.getSpec().getTemplate(), Map.of(), spec -> {})
                        .isPresent();
            }
        } else if (owned.size() > want) {
            List<Pod> ranked = new ArrayList<>(owned);
            ranked.sort(Comparator.comparing((Pod p) -> runningAndReady.test(p))
                    .thenComparing(
                            (Pod p) -> p.getMetadata().getCreationTimestamp(),
                            Comparator.nullsFirst(Comparator.<String>reverseOrder())));
            for (int i = 0; i < owned.size() - want; i++) {
                pods.delete(ranked.get(i), "ReplicaSet " + set.getMetadata().getName() + " scaled down");
                changed = true;
            }
        }
        int ready = (int) owned.stream().filter(runningAndReady).count();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", set.getMetadata().getGeneration());
        status.put("replicas", owned.size());
        status.put("fullyLabeledReplicas", owned.size());
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
        changed |= StatusPatcher.patchIfChanged(
                client.apps()
                        .replicaSets()
                        .inNamespace(set.getMetadata().getNamespace())
                        .withName(set.getMetadata().getName()),
                set.getStatus(),
                status);
        return changed;
    }
}
