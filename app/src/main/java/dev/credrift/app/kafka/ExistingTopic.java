package dev.credrift.app.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * A topic as the broker describes it. {@code configs} holds the effective values (broker defaults included)
 * of the settings credrift cares about.
 */
public record ExistingTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public ExistingTopic {
        Objects.requireNonNull(name, "name");
        configs = Map.copyOf(configs);
    }
}
