package dev.credrift.app.kafka;

import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics credrift needs, as {@link TopicSpec}s: names from events-schema's {@link Topics}, one partition count
 * and replication factor for all, and per-topic cleanup policy and retention. Retention follows what each topic is
 * for: observations are nudges the reconciler re-derives anyway (hours), outcomes feed notifications and dashboards
 * (days), audit records and dead letters are evidence (long), and the state journal is compacted, never expired.
 */
public final class TopicLayout {

    private final Topics topics;
    private final int partitions;
    private final short replicationFactor;

    public TopicLayout(Topics topics, int partitions, short replicationFactor) {
        this.topics = Objects.requireNonNull(topics, "topics");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic layout: partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic layout: replication factor must be at least 1, got " + replicationFactor);
        }
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** How long records of a topic are kept; empty for the compacted state journal. */
    public static Optional<Duration> retention(Topic topic) {
        return switch (topic) {
            case OBSERVATIONS -> Optional.of(Duration.ofHours(12));
            case OUTCOMES -> Optional.of(Duration.ofDays(7));
            case AUDIT -> Optional.of(Duration.ofDays(365));
            case DEADLETTER -> Optional.of(Duration.ofDays(30));
            case STATE -> Optional.empty();
        };
    }

    public Topics topics() {
        return topics;
    }

    /** All topic names, in {@link Topic} order. */
    public List<String> names() {
        return List.copyOf(topics.asMap().values());
    }

    public List<TopicSpec> specs() {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            Map<String, String> configs = new LinkedHashMap<>();
            configs.put(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            retention(topic)
                    .ifPresent(keep -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(keep.toMillis())));
            specs.add(new TopicSpec(topics.name(topic), partitions, replicationFactor, configs));
        }
        return List.copyOf(specs);
    }
}
