package dev.credrift.reconciler.cache;

import dev.credrift.reconciler.world.PodReading;
import dev.credrift.reconciler.world.WorkloadRef;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Objects;

/** The index functions of the pod cache. Pure. */
final class PodIndexes {

    /** Index of the Secrets a pod's spec reads (env, envFrom, volumes), by Secret name. */
    static final String SECRETS_READ = "credrift.dev/secrets-read";
    /** Index of the workload that owns a pod, by {@link WorkloadRef#describe()}; {@link #UNOWNED} for none. */
    static final String OWNER = "credrift.dev/owner";
    /** The owner key of pods no Deployment, StatefulSet or DaemonSet owns (a workload's selector may pick them). */
    static final String UNOWNED = "";

    private PodIndexes() {}

    static List<String> secretsRead(Pod pod) {
        return PodReading.secretsRead(pod.getSpec()).keySet().stream()
                .filter(Objects::nonNull)
                .toList();
    }

    static List<String> owner(Pod pod) {
        return List.of(PodReading.owner(pod).map(WorkloadRef::describe).orElse(UNOWNED));
    }
}
