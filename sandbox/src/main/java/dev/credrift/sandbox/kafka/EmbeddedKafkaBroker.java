package dev.credrift.sandbox.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker + controller) running inside this JVM, on loopback only.
 *
 * <p>Ports are chosen at start; the metadata and data logs live in a temporary directory that
 * {@link #close()} deletes. Defaults suit tests and a laptop: replication factor 1 everywhere,
 * one partition for the internal topics, no initial rebalance delay, small segments and a 2 MiB
 * log-cleaner buffer so that several brokers fit in one test JVM. {@link #start()} returns once the
 * broker answers an Admin {@code describeCluster}.
 *
 * <p>The broker logs through SLF4J under {@code kafka} and {@code org.apache.kafka}; set those to
 * WARN in the logging backend to keep it quiet.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String LOOPBACK = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration SERVING_TIMEOUT = Duration.ofSeconds(60);
    /** A port picked free can be taken by someone else before the broker binds it; try again then. */
    private static final int START_ATTEMPTS = 3;

    /**
     * Settings that tie the broker to its ports and directory; an override would leave
     * {@link #bootstrapServers()} or {@link #close()} pointing at the wrong place.
     */
    private static final Set<String> FIXED_SETTINGS = Set.of(
            "process.roles",
            "node.id",
            "broker.id",
            "listeners",
            "advertised.listeners",
            "listener.security.protocol.map",
            "inter.broker.listener.name",
            "controller.listener.names",
            "controller.quorum.voters",
            "controller.quorum.bootstrap.servers",
            "log.dir",
            "log.dirs",
            "metadata.log.dir");

    /**
     * Node ids distinct within the JVM: Kafka registers JMX beans and metrics by node id, and two
     * brokers with the same id side by side would unregister each other's.
     */
    private static final AtomicInteger NODE_IDS = new AtomicInteger();

    private final KafkaRaftServer server;
    private final Path directory;
    private final int nodeId;
    private final int brokerPort;
    private final int controllerPort;
    private boolean closed;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server, Path directory, int nodeId, int brokerPort, int controllerPort) {
        this.server = server;
        this.directory = directory;
        this.nodeId = nodeId;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker with the defaults and waits until it serves. */
    public static EmbeddedKafkaBroker start() {
        return start(Map.of());
    }

    /**
     * Starts a broker with broker settings ({@code server.properties} keys) layered over the defaults,
     * and waits until it serves.
     *
     * @throws IllegalArgumentException if an override names a setting that fixes ports, roles or directories
     * @throws KafkaBrokerException if the broker refuses the settings or does not come up
     */
    public static EmbeddedKafkaBroker start(Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        overrides.keySet().stream().filter(FIXED_SETTINGS::contains).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("embedded Kafka broker override '" + key
                    + "' is not allowed: the broker chooses its own ports, roles and directories");
        });
        KafkaBrokerException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(overrides);
            } catch (PortTakenException e) {
                lastFailure = new KafkaBrokerException(
                        "embedded Kafka broker could not bind its ports after " + attempt + " attempt(s)",
                        e.getCause());
                LOG.debug("embedded Kafka broker lost a port race, retrying", e);
            }
        }
        throw lastFailure;
    }

    @Override
    public String bootstrapServers() {
        return LOOPBACK + ":" + brokerPort;
    }

    /** Stops the broker, waits for it to finish and deletes its directory. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startedAt = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteQuietly(directory);
        }
        LOG.info(
                "embedded Kafka broker {} (node {}) stopped in {} ms",
                bootstrapServers(),
                nodeId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + "]";
    }

    Path directory() {
        return directory;
    }

    int brokerPort() {
        return brokerPort;
    }

    int controllerPort() {
        return controllerPort;
    }

    private static EmbeddedKafkaBroker startOnce(Map<String, String> overrides) throws PortTakenException {
        long startedAt = System.nanoTime();
        int nodeId = NODE_IDS.incrementAndGet();
        int brokerPort = FreePorts.pick(LOOPBACK);
        int controllerPort = FreePorts.pick(LOOPBACK);
        Path directory = createDirectory();
        KafkaRaftServer server = null;
        try {
            KafkaConfig config = config(settings(nodeId, brokerPort, controllerPort, directory, overrides));
            format(config, nodeId, directory);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, directory, nodeId, brokerPort, controllerPort);
            awaitServing(broker.bootstrapServers());
            LOG.info(
                    "embedded Kafka broker {} (node {}) serving in {} ms",
                    broker.bootstrapServers(),
                    nodeId,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return broker;
        } catch (RuntimeException | Error e) {
            stopQuietly(server);
            deleteQuietly(directory);
            if (causedBy(e, BindException.class)) {
                throw new PortTakenException(e);
            }
            throw e instanceof KafkaBrokerException kbe
                    ? kbe
                    : new KafkaBrokerException("embedded Kafka broker failed to start: " + e, e);
        }
    }

    private static Map<String, String> settings(
            int nodeId, int brokerPort, int controllerPort, Path directory, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(nodeId));
        settings.put("controller.quorum.voters", nodeId + "@" + LOOPBACK + ":" + controllerPort);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put(
                "listeners",
                BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + LOOPBACK
                        + ":" + controllerPort);
        settings.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
        settings.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", BROKER_LISTENER);
        settings.put("log.dirs", directory.toString());
        settings.put("metadata.log.dir", directory.toString());

        // one node: every internal topic at replication factor 1, one partition so it is created fast
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // several brokers per test JVM: the cleaner's 128 MiB default buffer and 10 MiB indexes add up
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        settings.put("log.cleaner.backoff.ms", "1000");
        settings.put("log.segment.bytes", Integer.toString(8 * 1024 * 1024));
        settings.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        settings.put("offsets.topic.segment.bytes", Integer.toString(8 * 1024 * 1024));
        settings.put("transaction.state.log.segment.bytes", Integer.toString(8 * 1024 * 1024));
        // a shared two-core test machine: fewer threads than a production broker
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("auto.leader.rebalance.enable", "false");

        settings.putAll(overrides);
        return settings;
    }

    private static KafkaConfig config(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        try {
            return KafkaConfig.fromProps(properties, false);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new KafkaBrokerException("embedded Kafka broker refused its settings: " + e.getMessage(), e);
        }
    }

    private static void format(KafkaConfig config, int nodeId, Path directory) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(directory.toString())
                    .setMetadataLogDirectory(directory.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
                    .run();
        } catch (Exception e) {
            throw new KafkaBrokerException(
                    "embedded Kafka broker could not format " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void awaitServing(String bootstrapServers) {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) SERVING_TIMEOUT.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "credrift-embedded-kafka-readiness");
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(SERVING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaBrokerException(
                    "interrupted while waiting for the embedded Kafka broker at " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaBrokerException(
                    "embedded Kafka broker at " + bootstrapServers + " did not serve within "
                            + SERVING_TIMEOUT.toSeconds() + " s",
                    e);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("credrift-kafka-");
        } catch (IOException e) {
            throw new KafkaBrokerException("embedded Kafka broker could not create its temporary directory", e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("embedded Kafka broker did not stop cleanly after a failed start", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            LOG.warn("could not delete the embedded Kafka broker directory {}", directory, e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A listener port was taken between choosing it and binding it. */
    private static final class PortTakenException extends Exception {
        private static final long serialVersionUID = 1L;

        PortTakenException(Throwable cause) {
            super(cause);
        }
    }
}
