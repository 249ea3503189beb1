package dev.credrift.app.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Judges an existing topic against the {@link TopicSpec} credrift would have created. Only two settings are
 * load-bearing: the partition count (all records of one binding must land in one partition, so a different count
 * re-maps keys and breaks per-binding ordering) and {@code cleanup.policy} (the state journal must be compacted,
 * the audit chain must never be compacted). Everything else is the operator's call and only reported.
 */
public final class TopicCompatibility {

    private TopicCompatibility() {}

    public static List<TopicDifference> compare(TopicSpec wanted, ExistingTopic actual) {
        if (!wanted.name().equals(actual.name())) {
            throw new IllegalArgumentException(
                    "cannot compare topic " + wanted.name() + " with topic " + actual.name());
        }
        List<TopicDifference> differences = new ArrayList<>();
        String topic = wanted.name();
        if (wanted.partitions() != actual.partitions()) {
            differences.add(new TopicDifference.Incompatible(
                    topic,
                    "partitions",
                    Integer.toString(wanted.partitions()),
                    Integer.toString(actual.partitions()),
                    "records are keyed by binding id; another partition count re-maps bindings and breaks their ordering"
                            + " — pass --partitions " + actual.partitions() + " to adopt the existing topic"));
        }
        if (wanted.replicationFactor() != actual.replicationFactor()) {
            differences.add(new TopicDifference.Tolerated(
                    topic,
                    "replication factor",
                    Short.toString(wanted.replicationFactor()),
                    Short.toString(actual.replicationFactor())));
        }
        for (Map.Entry<String, String> setting : new TreeMap<>(wanted.configs()).entrySet()) {
            String key = setting.getKey();
            String actualValue = actual.configs().get(key);
            if (TopicConfig.CLEANUP_POLICY_CONFIG.equals(key)) {
                compareCleanupPolicy(topic, setting.getValue(), actualValue).ifPresent(differences::add);
            } else if (actualValue == null || !actualValue.equals(setting.getValue())) {
                differences.add(new TopicDifference.Tolerated(
                        topic, key, setting.getValue(), actualValue == null ? "(not reported)" : actualValue));
            }
        }
        return List.copyOf(differences);
    }

    /** Only the differences that must stop credrift. */
    public static List<TopicDifference.Incompatible> incompatibilities(List<TopicDifference> differences) {
        return differences.stream()
                .filter(TopicDifference.Incompatible.class::isInstance)
                .map(TopicDifference.Incompatible.class::cast)
                .toList();
    }

    private static Optional<TopicDifference> compareCleanupPolicy(String topic, String wanted, String actual) {
        // Kafka's default when the broker does not report one is "delete".
        Set<String> wantedPolicy = policy(wanted);
        Set<String> actualPolicy = policy(actual == null ? TopicConfig.CLEANUP_POLICY_DELETE : actual);
        if (wantedPolicy.equals(actualPolicy)) {
            return Optional.empty();
        }
        String why = wantedPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
                ? "the per-binding journal must keep the latest record of every binding, so it must be compacted and never deleted"
                : "compaction keeps only the last record per binding and would silently drop history";
        return Optional.of(new TopicDifference.Incompatible(
                topic,
                TopicConfig.CLEANUP_POLICY_CONFIG,
                String.join(",", wantedPolicy),
                String.join(",", actualPolicy),
                why));
    }

    private static Set<String> policy(String value) {
        return Arrays.stream(value.split(","))
                .map(part -> part.trim().toLowerCase(Locale.ROOT))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
