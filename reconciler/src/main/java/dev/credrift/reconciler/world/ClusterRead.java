package dev.credrift.reconciler.world;

import dev.credrift.reconciler.probe.ProbeTarget;
import java.util.List;

/** The cluster's half of a {@link WorldSnapshot}: everything but the vault. */
public record ClusterRead(
        Hop<SourceValue> source,
        Hop<ReplicaValue> replica,
        List<ConsumerWorkload> consumers,
        List<String> consumerProblems,
        Hop<ProbeTarget> target) {

    public ClusterRead {
        consumers = List.copyOf(consumers);
        consumerProblems = List.copyOf(consumerProblems);
    }
}
