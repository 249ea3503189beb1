package dev.credrift.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.Topics;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class TopicAdministratorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void shouldCreateTopicsWithTheirSettingsWhenMissing(KafkaBroker kafka) {
        String prefix = kafka.uniqueName("create");
        TopicLayout layout = new TopicLayout(Topics.withPrefix(prefix), 3, (short) 1);

        try (TopicAdministrator administrator = administrator(kafka)) {
            TopicAdministrator.ProvisioningResult result = administrator.ensureTopics(layout.specs());

            assertThat(result.created()).containsExactlyElementsOf(layout.names());
            assertThat(result.existing()).isEmpty();
            Map<String, ExistingTopic> topics =
                    administrator.describe(layout.names(), Set.of("cleanup.policy", "retention.ms"));
            assertThat(topics.get(prefix + ".state").configs()).containsEntry("cleanup.policy", "compact");
            assertThat(topics.get(prefix + ".audit").configs())
                    .containsEntry("cleanup.policy", "delete")
                    .containsEntry(
                            "retention.ms", Long.toString(Duration.ofDays(365).toMillis()));
            assertThat(topics.get(prefix + ".observations").configs())
                    .containsEntry(
                            "retention.ms", Long.toString(Duration.ofHours(12).toMillis()));
            assertThat(topics.values()).allSatisfy(topic -> {
                assertThat(topic.partitions()).isEqualTo(3);
                assertThat(topic.replicationFactor()).isEqualTo((short) 1);
            });
        }
    }

    @Test
    void shouldKeepTopicsWhenTheyAlreadyMatch(KafkaBroker kafka) {
        TopicLayout layout = new TopicLayout(Topics.withPrefix(kafka.uniqueName("again")), 2, (short) 1);

        try (TopicAdministrator administrator = administrator(kafka)) {
            administrator.ensureTopics(layout.specs());
            TopicAdministrator.ProvisioningResult second = administrator.ensureTopics(layout.specs());

            assertThat(second.created()).isEmpty();
            assertThat(second.existing()).containsExactlyInAnyOrderElementsOf(layout.names());
            assertThat(second.differences()).isEmpty();
        }
    }

    @Test
    void shouldNameTopicAndSettingWhenStateTopicIsNotCompacted(KafkaBroker kafka) throws Exception {
        String prefix = kafka.uniqueName("uncompacted");
        createTopic(kafka, new NewTopic(prefix + ".state", 3, (short) 1).configs(Map.of("cleanup.policy", "delete")));
        TopicLayout layout = new TopicLayout(Topics.withPrefix(prefix), 3, (short) 1);

        try (TopicAdministrator administrator = administrator(kafka)) {
            assertThatThrownBy(() -> administrator.ensureTopics(layout.specs()))
                    .isInstanceOfSatisfying(
                            IncompatibleTopicException.class,
                            error -> assertThat(error.incompatibilities())
                                    .singleElement()
                                    .satisfies(problem -> {
                                        assertThat(problem.topic()).isEqualTo(prefix + ".state");
                                        assertThat(problem.setting()).isEqualTo("cleanup.policy");
                                    }))
                    .hasMessageContaining("Kafka at " + kafka.bootstrapServers())
                    .hasMessageContaining(
                            "topic " + prefix + ".state: cleanup.policy is 'delete' but credrift needs 'compact'");
        }
    }

    @Test
    void shouldNamePartitionsWhenPartitionCountDiffers(KafkaBroker kafka) throws Exception {
        String prefix = kafka.uniqueName("partitions");
        createTopic(kafka, new NewTopic(prefix + ".outcomes", 1, (short) 1));
        TopicLayout layout = new TopicLayout(Topics.withPrefix(prefix), 3, (short) 1);

        try (TopicAdministrator administrator = administrator(kafka)) {
            assertThatThrownBy(() -> administrator.ensureTopics(layout.specs()))
                    .isInstanceOf(IncompatibleTopicException.class)
                    .hasMessageContaining("topic " + prefix + ".outcomes: partitions is '1' but credrift needs '3'");
        }
    }

    @Test
    void shouldSayRefusedWhenReplicationFactorExceedsBrokers(KafkaBroker kafka) {
        TopicLayout layout = new TopicLayout(Topics.withPrefix(kafka.uniqueName("replicas")), 1, (short) 3);

        try (TopicAdministrator administrator = administrator(kafka)) {
            assertThatThrownBy(() -> administrator.ensureTopics(layout.specs()))
                    .isInstanceOf(TopicRequestRejectedException.class)
                    .hasMessageContaining("refused to create topic")
                    .hasMessageContaining("InvalidReplicationFactorException");
        }
    }

    @Test
    void shouldFailInBoundedTimeNamingServersWhenKafkaIsUnreachable() throws Exception {
        BootstrapServers closed = BootstrapServers.parse("127.0.0.1:" + closedPort());
        long startedAt = System.nanoTime();

        try (TopicAdministrator administrator = new TopicAdministrator(closed, Duration.ofSeconds(1))) {
            assertThatThrownBy(administrator::listTopicNames)
                    .isInstanceOf(KafkaUnreachableException.class)
                    .hasMessageStartingWith(
                            "Kafka is unreachable at " + closed + ": no answer to 'list topics' within 1s");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void shouldReportUnreachableWhenHostDoesNotResolve() {
        BootstrapServers nowhere = BootstrapServers.parse("kafka.invalid:9092");

        try (TopicAdministrator administrator = new TopicAdministrator(nowhere, Duration.ofSeconds(1))) {
            assertThatThrownBy(administrator::listTopicNames)
                    .isInstanceOf(KafkaUnreachableException.class)
                    .hasMessageContaining("Kafka is unreachable at kafka.invalid:9092");
        }
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static TopicAdministrator administrator(KafkaBroker kafka) {
        return new TopicAdministrator(BootstrapServers.parse(kafka.bootstrapServers()), TIMEOUT);
    }

    private static void createTopic(KafkaBroker kafka, NewTopic topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
