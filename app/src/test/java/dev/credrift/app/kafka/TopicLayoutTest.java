package dev.credrift.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void shouldUseDefaultNamesWhenTopicsAreDefaults() {
        TopicLayout layout = new TopicLayout(Topics.defaults(), 3, (short) 1);

        assertThat(layout.names())
                .containsExactly(
                        "credrift.observations",
                        "credrift.outcomes",
                        "credrift.audit",
                        "credrift.state",
                        "credrift.deadletter");
    }

    @Test
    void shouldCompactOnlyStateTopicWhenSpecsAreBuilt() {
        Map<String, TopicSpec> specs = specsByName(new TopicLayout(Topics.withPrefix("x"), 6, (short) 2));

        assertThat(specs.get("x.state").configs()).containsExactlyEntriesOf(Map.of("cleanup.policy", "compact"));
        assertThat(specs.values())
                .filteredOn(spec -> !spec.name().equals("x.state"))
                .hasSize(4)
                .allSatisfy(spec -> assertThat(spec.configs())
                        .containsEntry("cleanup.policy", "delete")
                        .containsKey("retention.ms"));
        assertThat(specs.values()).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(6);
            assertThat(spec.replicationFactor()).isEqualTo((short) 2);
        });
    }

    @Test
    void shouldKeepEvidenceLongerWhenRetentionIsChosen() {
        Duration observations = TopicLayout.retention(Topic.OBSERVATIONS).orElseThrow();
        Duration outcomes = TopicLayout.retention(Topic.OUTCOMES).orElseThrow();
        Duration audit = TopicLayout.retention(Topic.AUDIT).orElseThrow();
        Duration deadletter = TopicLayout.retention(Topic.DEADLETTER).orElseThrow();

        assertThat(observations).isLessThanOrEqualTo(Duration.ofDays(1));
        assertThat(outcomes).isGreaterThan(observations).isLessThan(audit);
        assertThat(deadletter).isGreaterThan(outcomes);
        assertThat(TopicLayout.retention(Topic.STATE)).isEmpty();
        assertThat(specsByName(new TopicLayout(Topics.defaults(), 1, (short) 1))
                        .get("credrift.audit")
                        .configs())
                .containsEntry("retention.ms", Long.toString(audit.toMillis()));
    }

    @Test
    void shouldRejectLayoutWhenPartitionsOrReplicationAreNotPositive() {
        assertThatThrownBy(() -> new TopicLayout(Topics.defaults(), 0, (short) 1))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> new TopicLayout(Topics.defaults(), 1, (short) 0))
                .hasMessageContaining("replication factor");
    }

    private static Map<String, TopicSpec> specsByName(TopicLayout layout) {
        List<TopicSpec> specs = layout.specs();
        return specs.stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }
}
