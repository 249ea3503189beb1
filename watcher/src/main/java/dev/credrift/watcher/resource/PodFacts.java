package dev.credrift.watcher.resource;

import dev.credrift.api.pod.Pods;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.ConsumerReadinessObserved.WorkloadKind;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The watcher's view of a pod: {@link Pods}' reading (shared with the reconciler) plus the index keys the binding
 * index files pods under.
 */
public final class PodFacts {

    private PodFacts() {}

    /** Every Secret (by name, in the pod's namespace) the pod reads, with the ways it reads it. */
    public static Map<String, Set<SecretMount>> secretsRead(Pod pod) {
        return Pods.secretsRead(pod == null ? null : pod.getSpec());
    }

    /** The names of the Secrets the pod reads, as {@code <namespace>/<name>} index keys. */
    public static List<String> secretIndexKeys(Pod pod) {
        String namespace = pod == null || pod.getMetadata() == null
                ? null
                : pod.getMetadata().getNamespace();
        if (namespace == null) {
            return List.of();
        }
        return secretsRead(pod).keySet().stream()
                .map(name -> namespace + "/" + name)
                .toList();
    }

    /** The Deployment, StatefulSet or DaemonSet that owns the pod (through its ReplicaSet for a Deployment). */
    public static Optional<WorkloadRef> workload(Pod pod) {
        return Pods.owner(pod)
                .map(o -> new WorkloadRef(WorkloadKind.valueOf(o.kind().name()), o.namespace(), o.name()));
    }

    /** The pod's owning workload as an index key, if any. */
    public static List<String> workloadIndexKeys(Pod pod) {
        return workload(pod).map(w -> List.of(w.indexKey())).orElse(List.of());
    }

    public static boolean ready(Pod pod) {
        return Pods.ready(pod);
    }

    public static int restartCount(Pod pod) {
        return Pods.restartCount(pod);
    }

    public static Optional<Instant> startedAt(Pod pod) {
        return Pods.startedAt(pod);
    }

    public static Optional<Instant> time(String text) {
        return Pods.time(text);
    }
}
