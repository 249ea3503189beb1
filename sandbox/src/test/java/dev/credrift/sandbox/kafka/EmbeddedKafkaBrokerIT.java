package dev.credrift.sandbox.kafka;

import static dev.credrift.sandbox.kafka.KafkaClients.TIMEOUT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldListenOnLoopbackOnlyWhenStarted() throws Exception {
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.brokerPort());
        try (Admin admin = KafkaClients.admin(broker)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(nodes).singleElement().extracting(Node::host).isEqualTo("127.0.0.1");

            ConfigResource node = new ConfigResource(
                    ConfigResource.Type.BROKER, nodes.iterator().next().idString());
            Config config = admin.describeConfigs(List.of(node))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(node);
            assertThat(config.get("listeners").value())
                    .isEqualTo("PLAINTEXT://127.0.0.1:" + broker.brokerPort() + ",CONTROLLER://127.0.0.1:"
                            + broker.controllerPort());
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> connect(address, broker.brokerPort()))
                    .as("broker port reachable on %s", address)
                    .isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> connect(address, broker.controllerPort()))
                    .as("controller port reachable on %s", address)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void shouldDeliverRecordWhenProducedAndConsumedWithPlainClients() throws Exception {
        String topic = broker.uniqueName("round-trip");
        KafkaClients.createTopic(broker, topic);
        ProducerRecord<String, String> sent =
                new ProducerRecord<>(topic, "monitoring/loki-s3", "{\"class\":\"IN_SYNC\"}");
        sent.headers().add("ce_type", "dev.credrift.test.v1".getBytes(StandardCharsets.UTF_8));

        KafkaClients.send(broker, sent);
        ConsumerRecord<String, String> received = KafkaClients.consumeOne(broker, topic, broker.uniqueName("group"));

        assertThat(received.key()).isEqualTo("monitoring/loki-s3");
        assertThat(received.value()).isEqualTo("{\"class\":\"IN_SYNC\"}");
        assertThat(new String(received.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("dev.credrift.test.v1");
    }

    @Test
    void shouldCreateCompactedTopicWhenAsked() throws Exception {
        String topic = broker.uniqueName("state");
        try (Admin admin = KafkaClients.admin(broker)) {
            NewTopic compacted = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(compacted)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void shouldDeleteDirectoryAndFreePortsWhenClosed() throws Exception {
        EmbeddedKafkaBroker closing = EmbeddedKafkaBroker.start();
        assertThat(closing.directory()).isDirectory();

        closing.close();

        assertThat(closing.directory()).doesNotExist();
        assertThat(canBind(closing.brokerPort())).as("broker port free").isTrue();
        assertThat(canBind(closing.controllerPort())).as("controller port free").isTrue();
        assertThatCode(closing::close).as("second close").doesNotThrowAnyException();
    }

    @Test
    void shouldServeSideBySideWhenTwoBrokersRunWithDifferentSettings() throws Exception {
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(Map.of("num.partitions", "3"))) {
            assertThat(second.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());
            assertThat(second.directory()).isNotEqualTo(broker.directory());
            assertThat(KafkaClients.clusterId(second)).isNotEqualTo(KafkaClients.clusterId(broker));

            String topic = second.uniqueName("side-by-side");
            assertThat(partitionsOfNewTopic(second, topic))
                    .as("override num.partitions=3")
                    .isEqualTo(3);
            assertThat(partitionsOfNewTopic(broker, topic))
                    .as("default num.partitions")
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseToStartWhenAnOverrideHasAnInvalidValue() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Map.of("num.partitions", "many")))
                .isInstanceOf(KafkaBrokerException.class)
                .hasMessageContaining("num.partitions");
    }

    private static int partitionsOfNewTopic(KafkaBroker target, String topic) throws Exception {
        try (Admin admin = KafkaClients.admin(target)) {
            // the broker's own answer to the create: a describe right after it can race the metadata propagation
            // (UnknownTopicOrPartitionException, seen in CI under load)
            return admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
                    .numPartitions(topic)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
    }
}
