package dev.credrift.reconciler.world;

import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One pod of a consumer workload.
 *
 * @param startedAt   when it last read its Secret through env: the earliest start of its running containers, else
 *                    the pod's start; empty while pending
 * @param restartedAt the pod's {@code kubectl.kubernetes.io/restartedAt} annotation, copied from the template it
 *                    was made from: tells which rollout made it
 * @param reads       how it reads the replica Secret
 */
public record ConsumerPod(
        String name, boolean ready, Optional<Instant> startedAt, Optional<String> restartedAt, Set<SecretMount> reads) {

    public ConsumerPod {
        reads = Set.copyOf(reads);
    }
}
