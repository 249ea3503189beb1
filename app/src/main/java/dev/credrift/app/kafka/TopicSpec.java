package dev.credrift.app.kafka;

import java.util.Map;
import java.util.Objects;

/** A topic as credrift wants it: name, partition count, replication factor and topic-level configs. */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic " + name + ": replication factor must be at least 1, got " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }
}
