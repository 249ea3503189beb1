package dev.credrift.reconciler.world;

import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workload that consumes the replica Secret, with what is needed to judge whether its pods are fresh, to roll it
 * and to tell when a rollout is complete.
 *
 * @param rollBlocker        why a rollout restart would not restart its pods (a paused Deployment, an
 *                           {@code OnDelete} update strategy); empty when it can be rolled
 * @param generation         {@code metadata.generation}
 * @param observedGeneration {@code status.observedGeneration}, when the controller reported one
 * @param desiredReplicas    pods it should have ({@code spec.replicas}, or a DaemonSet's desired number scheduled)
 * @param updatedReplicas    pods of the current template, as its status counts them, when reported
 * @param restartedAt        its pod template's {@code kubectl.kubernetes.io/restartedAt}, if any
 * @param readsVia           how its pods read the replica
 * @param pods               its pods
 */
public record ConsumerWorkload(
        WorkloadRef ref,
        Optional<RollBlocker> rollBlocker,
        Long generation,
        Long observedGeneration,
        int desiredReplicas,
        Integer updatedReplicas,
        Optional<String> restartedAt,
        Set<SecretMount> readsVia,
        List<ConsumerPod> pods) {

    public ConsumerWorkload {
        readsVia = Set.copyOf(readsVia);
        pods = List.copyOf(pods);
    }

    /** Whether its controller has seen its latest spec (or reports no generation at all). */
    public boolean controllerCaughtUp() {
        return generation == null || observedGeneration == null || observedGeneration >= generation;
    }
}
