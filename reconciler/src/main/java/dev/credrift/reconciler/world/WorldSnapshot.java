package dev.credrift.reconciler.world;

import dev.credrift.reconciler.probe.ProbeTarget;
import java.time.Instant;
import java.util.List;

/**
 * Everything a binding declares, read at one moment.
 *
 * @param consumerProblems what kept consumers from being found or read, for a human
 * @param target           where and how to probe the store
 */
public record WorldSnapshot(
        BoundBinding binding,
        Hop<SourceValue> source,
        Hop<VaultValue> vault,
        Hop<ReplicaValue> replica,
        List<ConsumerWorkload> consumers,
        List<String> consumerProblems,
        Hop<ProbeTarget> target,
        Instant readAt) {

    public WorldSnapshot {
        consumers = List.copyOf(consumers);
        consumerProblems = List.copyOf(consumerProblems);
    }
}
