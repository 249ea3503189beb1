package dev.credrift.reconciler.world;

import dev.credrift.api.pod.Pods;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reconciler's view of pods and pod templates: {@link Pods}' reading (shared with the watcher, so both judge a
 * pod alike) plus label selection. Never throws on missing parts.
 */
public final class PodReading {

    private PodReading() {}

    /** Every Secret (by name) a pod spec reads, with the ways it reads it. */
    public static Map<String, Set<SecretMount>> secretsRead(PodSpec spec) {
        return Pods.secretsRead(spec);
    }

    /** The Deployment (through its ReplicaSet), StatefulSet or DaemonSet that owns a pod. */
    public static Optional<WorkloadRef> owner(Pod pod) {
        return Pods.owner(pod).map(o -> new WorkloadRef(o.kind(), o.namespace(), o.name()));
    }

    /** Whether the pod's labels satisfy a selector's {@code matchLabels} (expressions are not needed here). */
    public static boolean selectedBy(Pod pod, LabelSelector selector) {
        if (selector == null
                || selector.getMatchLabels() == null
                || selector.getMatchLabels().isEmpty()) {
            return false;
        }
        Map<String, String> labels =
                pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
        return labels != null
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    /** Whether the pod's {@code Ready} condition is {@code True}. */
    public static boolean ready(Pod pod) {
        return Pods.ready(pod);
    }

    /**
     * When the pod last read env: the earliest start of its running containers (a container restart re-reads env),
     * else the pod's start time; empty while pending.
     */
    public static Optional<Instant> startedAt(Pod pod) {
        return Pods.startedAt(pod);
    }

    /** An RFC 3339 time from the API, or empty when absent or malformed. */
    public static Optional<Instant> time(String text) {
        return Pods.time(text);
    }
}
