package dev.credrift.app.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking Kafka Admin calls credrift makes: list topics, and create-or-verify the topics it needs. Every call
 * is bounded by one timeout, and the Admin client is configured so that it gives up within that timeout instead of
 * retrying forever in the background. Callers on an event loop go through {@link AsyncTopicAdmin}.
 *
 * <p>The Admin client is created on first use, so a bootstrap address that does not resolve yet (a Kafka Service
 * still being created) is reported as {@link KafkaUnreachableException} and retried on the next call.
 */
public final class TopicAdministrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdministrator.class);

    private final BootstrapServers bootstrapServers;
    private final Duration timeout;
    private final Map<String, String> clientProperties;
    private Admin admin;
    private boolean closed;

    public TopicAdministrator(BootstrapServers bootstrapServers, Duration timeout) {
        this(bootstrapServers, timeout, Map.of());
    }

    /** @param clientProperties extra Admin client settings (security, say); credrift's own bounds win over them */
    public TopicAdministrator(
            BootstrapServers bootstrapServers, Duration timeout, Map<String, String> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Kafka admin timeout must be positive, got " + timeout);
        }
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    public BootstrapServers bootstrapServers() {
        return bootstrapServers;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The names of all topics the broker knows (internal ones excluded). */
    public Set<String> listTopicNames() {
        Admin client = admin();
        return await(
                "list topics",
                client.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs()))
                        .names());
    }

    /**
     * Creates the missing topics and checks the existing ones. Tolerated differences are logged; incompatible ones
     * are all collected and thrown together, so the operator sees every problem at once.
     *
     * @throws KafkaUnreachableException     no broker answered in time
     * @throws IncompatibleTopicException    an existing topic has a partition count or cleanup policy credrift cannot use
     * @throws TopicRequestRejectedException the broker refused to create a topic (replication factor, policy, ACLs)
     */
    public ProvisioningResult ensureTopics(List<TopicSpec> wanted) {
        Admin client = admin();
        Set<String> present = listTopicNames();
        List<String> created = new ArrayList<>();
        List<TopicSpec> toVerify = new ArrayList<>();
        List<NewTopic> toCreate = new ArrayList<>();
        for (TopicSpec spec : wanted) {
            if (present.contains(spec.name())) {
                toVerify.add(spec);
            } else {
                toCreate.add(
                        new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()));
            }
        }
        if (!toCreate.isEmpty()) {
            Map<String, KafkaFuture<Void>> results = client.createTopics(
                            toCreate, new CreateTopicsOptions().timeoutMs(timeoutMs()))
                    .values();
            for (TopicSpec spec : wanted) {
                KafkaFuture<Void> result = results.get(spec.name());
                if (result == null) {
                    continue;
                }
                if (createOrFindExisting(spec.name(), result)) {
                    created.add(spec.name());
                } else {
                    // another credrift replica created it between our list and create: judge it like any existing topic
                    toVerify.add(spec);
                }
            }
        }
        List<TopicDifference> differences = verify(client, toVerify);
        differences.stream()
                .filter(TopicDifference.Tolerated.class::isInstance)
                .forEach(difference -> LOG.info("{}", difference.describe()));
        List<TopicDifference.Incompatible> incompatible = TopicCompatibility.incompatibilities(differences);
        if (!incompatible.isEmpty()) {
            throw new IncompatibleTopicException(bootstrapServers, incompatible);
        }
        return new ProvisioningResult(
                created, toVerify.stream().map(TopicSpec::name).toList(), differences);
    }

    /**
     * Describes topics as the broker sees them: partitions, replication factor and effective values of
     * {@code settings}. A topic just created (by another credrift replica, or an operator) can be listed before its
     * partitions are described; that window is waited out, within the timeout.
     */
    public Map<String, ExistingTopic> describe(Collection<String> topics, Set<String> settings) {
        Admin client = admin();
        Map<String, TopicDescription> descriptions = describeTopics(client, topics);
        List<ConfigResource> resources = topics.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs = await(
                "describe configs of " + topics,
                client.describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(timeoutMs()))
                        .all());
        Map<String, ExistingTopic> existing = new HashMap<>();
        for (String topic : topics) {
            TopicDescription description = descriptions.get(topic);
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            Map<String, String> values = new HashMap<>();
            for (String setting : settings) {
                ConfigEntry entry = config == null ? null : config.get(setting);
                if (entry != null && entry.value() != null) {
                    values.put(setting, entry.value());
                }
            }
            short replicationFactor =
                    (short) description.partitions().get(0).replicas().size();
            existing.put(
                    topic, new ExistingTopic(topic, description.partitions().size(), replicationFactor, values));
        }
        return existing;
    }

    private Map<String, TopicDescription> describeTopics(Admin client, Collection<String> topics) {
        String operation = "describe topics " + topics;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return client.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs()))
                        .allTopicNames()
                        .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw translate(operation, e.getCause());
                }
            } catch (TimeoutException e) {
                throw new KafkaUnreachableException(bootstrapServers, operation, timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnreachableException(bootstrapServers, "interrupted during '" + operation + "'", e);
            }
            pause(Duration.ofMillis(100));
        }
    }

    private void pause(Duration duration) {
        try {
            // a worker thread (see AsyncTopicAdmin), never an event loop
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException(bootstrapServers, "interrupted while waiting for topic metadata", e);
        }
    }

    private List<TopicDifference> verify(Admin client, List<TopicSpec> specs) {
        if (specs.isEmpty()) {
            return List.of();
        }
        Set<String> settings = new HashSet<>();
        specs.forEach(spec -> settings.addAll(spec.configs().keySet()));
        Map<String, ExistingTopic> existing =
                describe(specs.stream().map(TopicSpec::name).toList(), settings);
        List<TopicDifference> differences = new ArrayList<>();
        for (TopicSpec spec : specs) {
            differences.addAll(TopicCompatibility.compare(spec, existing.get(spec.name())));
        }
        return differences;
    }

    /** @return true if created, false if it already existed */
    private boolean createOrFindExisting(String topic, KafkaFuture<Void> result) {
        try {
            result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw translate("create topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(bootstrapServers, "create topic " + topic, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException(
                    bootstrapServers, "interrupted while waiting to create topic " + topic, e);
        }
    }

    private <T> T await(String operation, KafkaFuture<T> future) {
        try {
            // a little beyond the Admin's own deadline, so that its more precise error wins when it has one
            return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(operation, e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(bootstrapServers, operation, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException(bootstrapServers, "interrupted during '" + operation + "'", e);
        }
    }

    private KafkaAdminException translate(String operation, Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof NetworkException) {
            return new KafkaUnreachableException(bootstrapServers, operation, timeout, cause);
        }
        if (cause instanceof RetriableException) {
            // leader elections, metadata still propagating: the broker answered, but "try again" is the right reaction
            return new KafkaUnreachableException(
                    bootstrapServers,
                    "'" + operation + "' got a transient " + cause.getClass().getSimpleName() + ": "
                            + cause.getMessage(),
                    cause);
        }
        return new TopicRequestRejectedException(bootstrapServers, operation, cause);
    }

    private synchronized Admin admin() {
        if (closed) {
            throw new IllegalStateException("the Kafka admin client for " + bootstrapServers + " is closed");
        }
        if (admin == null) {
            try {
                admin = Admin.create(adminProperties());
            } catch (KafkaException e) {
                // e.g. "No resolvable bootstrap urls": DNS may catch up, so this is "unreachable", not fatal
                throw new KafkaUnreachableException(
                        bootstrapServers, "cannot create an admin client: " + e.getMessage(), e);
            }
        }
        return admin;
    }

    Properties adminProperties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.value());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "credrift-admin");
        // bound every call: without these the client retries for a minute per call
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs());
        properties.put(
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs(), 10_000));
        properties.put(
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (int) Math.min(timeoutMs(), 30_000));
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return properties;
    }

    private int timeoutMs() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /** Closes the Admin client, waiting at most {@code grace} for in-flight calls. */
    public synchronized void close(Duration grace) {
        closed = true;
        if (admin != null) {
            admin.close(grace);
            admin = null;
        }
    }

    @Override
    public void close() {
        close(timeout);
    }

    /** What {@link #ensureTopics} did: topics created, topics found, and every difference seen (tolerated ones only). */
    public record ProvisioningResult(List<String> created, List<String> existing, List<TopicDifference> differences) {
        public ProvisioningResult {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
            differences = List.copyOf(differences);
        }
    }
}
