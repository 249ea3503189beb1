package dev.credrift.notifier.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker in this JVM that can be stopped and started again on the same ports and
 * data directory — what a broker restart mid-stream needs. The sandbox's {@code EmbeddedKafkaBroker}
 * picks new ports and deletes its directory on close, so it cannot play a restart.
 */
final class RestartableKafka implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    // distinct from the sandbox broker's node ids (1, 2, …) so JMX names do not collide in one JVM
    private static final int NODE_ID = 9001;

    private final Path directory;
    private final int brokerPort;
    private final int controllerPort;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private RestartableKafka() throws IOException {
        directory = Files.createTempDirectory("credrift-notifier-kafka-");
        brokerPort = freePort();
        controllerPort = freePort();
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", directory.toString()),
                Map.entry("metadata.log.dir", directory.toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024)),
                Map.entry("log.segment.bytes", Integer.toString(8 * 1024 * 1024)),
                Map.entry("log.index.size.max.bytes", Integer.toString(1024 * 1024)),
                Map.entry("offsets.topic.segment.bytes", Integer.toString(8 * 1024 * 1024)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("auto.leader.rebalance.enable", "false")));
        config = KafkaConfig.fromProps(p, false);
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(directory.toString())
                    .setMetadataLogDirectory(directory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the broker directory", e);
        }
    }

    static RestartableKafka start() throws IOException {
        RestartableKafka kafka = new RestartableKafka();
        kafka.startAgain();
        return kafka;
    }

    String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** Starts the broker on the same ports and data. */
    synchronized void startAgain() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", bootstrapServers(), "default.api.timeout.ms", 60_000))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("restarted broker did not serve", e);
        }
    }

    /** Stops the broker, keeping its data. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
