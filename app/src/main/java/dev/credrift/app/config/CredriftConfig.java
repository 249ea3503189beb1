package dev.credrift.app.config;

import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.routing.RouteRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@code credrift.yaml} says, validated but with no secret read yet: secrets are {@link SecretReference}s,
 * read when the role that needs them starts. Every section is optional; absent settings keep the roles' defaults.
 *
 * @param file               where it was read from; empty when credrift runs without a configuration file
 * @param fingerprintKeyFile the file holding the fingerprint key (watcher and reconciler need it)
 * @param onePassword        credrift's 1Password Connect server (the reconciler needs it)
 * @param audit              the audit keys (the reconciler seals with the current one, {@code audit verify} checks)
 */
public record CredriftConfig(
        Optional<Path> file,
        Kafka kafka,
        Optional<Path> fingerprintKeyFile,
        Kubernetes kubernetes,
        Optional<OnePassword> onePassword,
        Notifier notifier,
        WatcherTuning watcher,
        ReconcilerTuning reconciler,
        Audit audit) {

    public CredriftConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(fingerprintKeyFile, "fingerprintKeyFile");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(onePassword, "onePassword");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(watcher, "watcher");
        Objects.requireNonNull(reconciler, "reconciler");
        Objects.requireNonNull(audit, "audit");
    }

    /** No configuration file: every default, no sinks, no fingerprint key, no 1Password. */
    public static CredriftConfig none() {
        return new CredriftConfig(
                Optional.empty(),
                Kafka.DEFAULTS,
                Optional.empty(),
                Kubernetes.DEFAULTS,
                Optional.empty(),
                Notifier.NONE,
                WatcherTuning.DEFAULTS,
                ReconcilerTuning.DEFAULTS,
                Audit.NONE);
    }

    /** For messages: the file, or a note that there is none. */
    public String describeSource() {
        return file.map(Path::toString).orElse("(no configuration file)");
    }

    /**
     * The {@code kafka} section; command-line options and {@code CREDRIFT_KAFKA_BOOTSTRAP} win over it.
     *
     * @param properties extra Kafka client settings (security, say) for every client credrift makes
     */
    public record Kafka(
            Optional<BootstrapServers> bootstrapServers,
            Optional<String> topicPrefix,
            Optional<Integer> partitions,
            Optional<Short> replicationFactor,
            Map<String, KafkaProperty> properties) {

        static final Kafka DEFAULTS =
                new Kafka(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

        public Kafka {
            properties = Map.copyOf(properties);
        }

        /** The client properties with secrets read. */
        public Map<String, String> resolveProperties(Function<String, String> environment) {
            Map<String, String> resolved = new LinkedHashMap<>();
            properties.forEach(
                    (key, value) -> resolved.put(key, value.resolve("kafka.properties." + key, environment)));
            return resolved;
        }
    }

    /** A Kafka client setting: a plain value, or a secret (SASL/SSL passwords) kept in a file or variable. */
    public sealed interface KafkaProperty {
        String resolve(String field, Function<String, String> environment);

        record Plain(String value) implements KafkaProperty {
            @Override
            public String resolve(String field, Function<String, String> environment) {
                return value;
            }
        }

        record Secret(SecretReference reference) implements KafkaProperty {
            @Override
            public String resolve(String field, Function<String, String> environment) {
                return reference.read(field, environment).reveal();
            }

            @Override
            public String toString() {
                return "Secret[" + reference.describe() + "]";
            }
        }
    }

    /**
     * How to reach Kubernetes. Nothing set: fabric8's defaults — in a pod its service account, elsewhere
     * {@code $KUBECONFIG} or {@code ~/.kube/config} and its current context.
     */
    public record Kubernetes(Optional<Path> kubeconfig, Optional<String> context) {
        static final Kubernetes DEFAULTS = new Kubernetes(Optional.empty(), Optional.empty());
    }

    /**
     * credrift's 1Password Connect server.
     *
     * @param tokenFile the bearer token (re-read when it changes)
     * @param caFile    PEM certificates to trust for an https server instead of the JDK's roots
     */
    public record OnePassword(URI url, Path tokenFile, Optional<Path> caFile, Optional<Duration> requestTimeout) {}

    /** The {@code notifier} section: sinks (secrets by reference), routes, dedup window. */
    public record Notifier(List<SinkConfig> sinks, List<RouteRule> routes, Optional<Duration> dedupWindow) {
        static final Notifier NONE = new Notifier(List.of(), List.of(), Optional.empty());

        public Notifier {
            sinks = List.copyOf(sinks);
            routes = List.copyOf(routes);
        }

        public Optional<SinkConfig> sink(String name) {
            return sinks.stream().filter(sink -> sink.name().equals(name)).findFirst();
        }
    }

    /**
     * Watcher settings that differ from its defaults.
     *
     * @param secretNamespaces watch Rook/ESO Secrets only in these namespaces (empty: all), as the chart's
     *                         {@code rbac.secretNamespaces} grants
     * @param vault            polling the 1Password items bindings name, through the {@code onePassword} connection
     */
    public record WatcherTuning(
            Optional<Duration> resyncPeriod,
            Optional<Duration> coalesceWindow,
            Optional<Boolean> leaderElection,
            Optional<String> leaseNamespace,
            List<String> secretNamespaces,
            VaultPolling vault) {
        public static final WatcherTuning DEFAULTS = new WatcherTuning(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                VaultPolling.DEFAULTS);

        public WatcherTuning {
            secretNamespaces = List.copyOf(secretNamespaces);
            Objects.requireNonNull(vault, "vault");
        }

        /** The same settings with {@code leaderElection} (and the Lease's namespace, if given) set. */
        public WatcherTuning withLeaderElection(boolean on, Optional<String> namespace) {
            return new WatcherTuning(resyncPeriod, coalesceWindow, Optional.of(on), namespace, secretNamespaces, vault);
        }

        /** {@code watcher.vault}: on by default wherever {@code onePassword} is configured. */
        public record VaultPolling(
                Optional<Boolean> enabled, Optional<Duration> pollInterval, Optional<Integer> maxRequestsPerMinute) {
            public static final VaultPolling DEFAULTS =
                    new VaultPolling(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Reconciler settings that differ from its defaults. */
    public record ReconcilerTuning(
            Optional<Integer> maxConcurrentBindings,
            Optional<Integer> globalRolloutsPerHour,
            Optional<Integer> vaultWritesPerMinute,
            Optional<Duration> probeCacheTtl,
            Optional<Duration> notReadyGrace,
            Optional<Duration> identityRecheck,
            Optional<Integer> flappingSupersessions,
            Optional<Duration> flappingWindow,
            Optional<Duration> storeRecheck) {
        public static final ReconcilerTuning DEFAULTS = new ReconcilerTuning(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        /** The same settings with the three budgets of a world or a test set. */
        public ReconcilerTuning withBudgets(
                Optional<Integer> concurrency, Optional<Integer> rolloutsPerHour, Optional<Integer> writesPerMinute) {
            return new ReconcilerTuning(
                    concurrency,
                    rolloutsPerHour,
                    writesPerMinute,
                    probeCacheTtl,
                    notReadyGrace,
                    identityRecheck,
                    flappingSupersessions,
                    flappingWindow,
                    storeRecheck);
        }
    }

    /**
     * The {@code audit} section: the key that seals audit records and the previous keys that still verify them.
     *
     * @param keyFile          the current audit key (its bytes; at least 16), separate from the fingerprint key
     * @param previousKeyFiles keys rotated out, kept while records sealed with them are on the audit topic
     */
    public record Audit(Optional<Path> keyFile, List<Path> previousKeyFiles) {
        public static final Audit NONE = new Audit(Optional.empty(), List.of());

        public Audit {
            Objects.requireNonNull(keyFile, "keyFile");
            previousKeyFiles = List.copyOf(previousKeyFiles);
        }
    }
}
