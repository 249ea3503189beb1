package dev.credrift.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCompatibilityTest {

    private static final TopicSpec STATE =
            new TopicSpec("credrift.state", 3, (short) 1, Map.of("cleanup.policy", "compact"));
    private static final TopicSpec AUDIT = new TopicSpec(
            "credrift.audit", 3, (short) 1, Map.of("cleanup.policy", "delete", "retention.ms", "31536000000"));

    @Test
    void shouldFindNoDifferenceWhenTopicMatches() {
        ExistingTopic existing = new ExistingTopic("credrift.state", 3, (short) 1, Map.of("cleanup.policy", "compact"));

        assertThat(TopicCompatibility.compare(STATE, existing)).isEmpty();
    }

    @Test
    void shouldRejectStateTopicWhenNotCompacted() {
        ExistingTopic existing = new ExistingTopic("credrift.state", 3, (short) 1, Map.of("cleanup.policy", "delete"));

        List<TopicDifference> differences = TopicCompatibility.compare(STATE, existing);

        assertThat(TopicCompatibility.incompatibilities(differences))
                .singleElement()
                .satisfies(incompatible -> {
                    assertThat(incompatible.topic()).isEqualTo("credrift.state");
                    assertThat(incompatible.setting()).isEqualTo("cleanup.policy");
                    assertThat(incompatible.expected()).isEqualTo("compact");
                    assertThat(incompatible.actual()).isEqualTo("delete");
                    assertThat(incompatible.describe())
                            .startsWith(
                                    "topic credrift.state: cleanup.policy is 'delete' but credrift needs 'compact'");
                });
    }

    @Test
    void shouldRejectStateTopicWhenCompactedAndDeleted() {
        ExistingTopic existing =
                new ExistingTopic("credrift.state", 3, (short) 1, Map.of("cleanup.policy", "compact,delete"));

        assertThat(TopicCompatibility.incompatibilities(TopicCompatibility.compare(STATE, existing)))
                .extracting(TopicDifference::setting)
                .containsExactly("cleanup.policy");
    }

    @Test
    void shouldRejectAuditTopicWhenCompacted() {
        ExistingTopic existing = new ExistingTopic(
                "credrift.audit", 3, (short) 1, Map.of("cleanup.policy", "compact", "retention.ms", "31536000000"));

        assertThat(TopicCompatibility.incompatibilities(TopicCompatibility.compare(AUDIT, existing)))
                .singleElement()
                .satisfies(incompatible -> assertThat(incompatible.why()).contains("drop history"));
    }

    @Test
    void shouldAcceptPolicyWhenOnlyOrderAndCaseDiffer() {
        TopicSpec wanted = new TopicSpec("t", 1, (short) 1, Map.of("cleanup.policy", "compact,delete"));
        ExistingTopic existing = new ExistingTopic("t", 1, (short) 1, Map.of("cleanup.policy", " Delete , compact"));

        assertThat(TopicCompatibility.compare(wanted, existing)).isEmpty();
    }

    @Test
    void shouldRejectTopicWhenPartitionCountDiffers() {
        ExistingTopic existing = new ExistingTopic("credrift.state", 6, (short) 1, Map.of("cleanup.policy", "compact"));

        List<TopicDifference.Incompatible> incompatible =
                TopicCompatibility.incompatibilities(TopicCompatibility.compare(STATE, existing));

        assertThat(incompatible).singleElement().satisfies(difference -> {
            assertThat(difference.setting()).isEqualTo("partitions");
            assertThat(difference.describe())
                    .contains("partitions is '6' but credrift needs '3'")
                    .contains("--partitions 6");
        });
    }

    @Test
    void shouldTolerateDifferenceWhenOnlyReplicationOrRetentionDiffer() {
        ExistingTopic existing = new ExistingTopic(
                "credrift.audit", 3, (short) 3, Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

        List<TopicDifference> differences = TopicCompatibility.compare(AUDIT, existing);

        assertThat(differences).hasSize(2).allMatch(TopicDifference.Tolerated.class::isInstance);
        assertThat(differences)
                .extracting(TopicDifference::setting)
                .containsExactly("replication factor", "retention.ms");
        assertThat(TopicCompatibility.incompatibilities(differences)).isEmpty();
    }

    @Test
    void shouldTreatMissingPolicyAsDeleteWhenBrokerDoesNotReportIt() {
        ExistingTopic existing = new ExistingTopic("credrift.state", 3, (short) 1, Map.of());

        assertThat(TopicCompatibility.incompatibilities(TopicCompatibility.compare(STATE, existing)))
                .singleElement()
                .extracting(TopicDifference::actual)
                .isEqualTo("delete");
    }

    @Test
    void shouldRefuseComparisonWhenTopicNamesDiffer() {
        ExistingTopic other = new ExistingTopic("credrift.audit", 3, (short) 1, Map.of());

        assertThatThrownBy(() -> TopicCompatibility.compare(STATE, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credrift.state")
                .hasMessageContaining("credrift.audit");
    }

    @Test
    void shouldNameEveryTopicAndSettingWhenExceptionIsBuilt() {
        List<TopicDifference.Incompatible> problems = List.of(
                new TopicDifference.Incompatible("credrift.state", "cleanup.policy", "compact", "delete", "why"),
                new TopicDifference.Incompatible("credrift.audit", "partitions", "3", "1", "why"));

        IncompatibleTopicException error = new IncompatibleTopicException(BootstrapServers.parse("k:9092"), problems);

        assertThat(error.getMessage())
                .contains("Kafka at k:9092")
                .contains("topic credrift.state: cleanup.policy is 'delete'")
                .contains("topic credrift.audit: partitions is '1'");
        assertThat(error.incompatibilities()).hasSize(2);
    }
}
