package dev.credrift.app.config;

import dev.credrift.app.config.CredriftConfig.KafkaProperty;
import dev.credrift.app.config.yaml.YamlSyntaxException;
import dev.credrift.app.config.yaml.YamlTreeReader;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code credrift.yaml} into a {@link CredriftConfig}. Unknown fields are errors (a misspelt {@code dedupWindw}
 * silently ignored is worse than a refusal); every error names the file, line and field; secrets are accepted only
 * as {@code {file: PATH}} or {@code {env: VARIABLE}} references and no value of a secret field is ever quoted.
 */
public final class ConfigParser {

    /** A configuration file is a page of YAML; anything near this size is a wrong path. */
    static final int MAX_BYTES = 1024 * 1024;

    /** Kafka settings each role sets itself; overriding them would break delivery or offsets. */
    static final Set<String> RESERVED_KAFKA_PROPERTIES = Set.of(
            "bootstrap.servers",
            "group.id",
            "client.id",
            "enable.auto.commit",
            "key.serializer",
            "value.serializer",
            "key.deserializer",
            "value.deserializer");

    /** Kafka settings whose values are credentials, so they may only come by reference. */
    private static final Pattern SECRET_KAFKA_PROPERTY =
            Pattern.compile("(?i).*(password|secret|token|\\.key|jaas\\.config)");

    private ConfigParser() {}

    /** @throws InvalidConfigException naming the file (and line and field where there is one) */
    public static CredriftConfig parse(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidConfigException(
                        file, 0, "", "is larger than " + MAX_BYTES / 1024 + " KiB; is this the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(file, 0, "", "does not exist");
        } catch (IOException e) {
            throw new InvalidConfigException(
                    file, 0, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidConfigException(file, 0, "", "is not UTF-8 text");
        }
        return parse(file, text);
    }

    /** Parses {@code text}; {@code file} only names it in messages and in {@link CredriftConfig#file()}. */
    public static CredriftConfig parse(Path file, String text) {
        ConfigCursor root;
        try {
            root = ConfigCursor.root(file, YamlTreeReader.read(text));
        } catch (YamlSyntaxException e) {
            throw new InvalidConfigException(
                    file, e.line(), "", e.getMessage() + (e.column() > 0 ? " (column " + e.column() + ")" : ""));
        }
        root.allowOnly(
                "kafka",
                "fingerprintKeyFile",
                "kubernetes",
                "onePassword",
                "notifier",
                "watcher",
                "reconciler",
                "audit");
        CredriftConfig.Notifier notifier =
                root.optional("notifier").map(NotifierSection::parse).orElse(CredriftConfig.Notifier.NONE);
        Optional<ConfigCursor> vaultEnabled =
                root.optional("watcher").flatMap(w -> w.optional("vault")).flatMap(v -> v.optional("enabled"));
        if (vaultEnabled.isPresent() && vaultEnabled.get().bool() && !root.has("onePassword")) {
            throw vaultEnabled.get().error("needs the onePassword section (the Connect server to poll)");
        }
        return new CredriftConfig(
                Optional.of(file),
                root.optional("kafka").map(ConfigParser::kafka).orElse(CredriftConfig.Kafka.DEFAULTS),
                root.optional("fingerprintKeyFile").map(ConfigCursor::filePath),
                root.optional("kubernetes").map(ConfigParser::kubernetes).orElse(CredriftConfig.Kubernetes.DEFAULTS),
                root.optional("onePassword").map(ConfigParser::onePassword),
                notifier,
                root.optional("watcher").map(ConfigParser::watcher).orElse(CredriftConfig.WatcherTuning.DEFAULTS),
                root.optional("reconciler")
                        .map(ConfigParser::reconciler)
                        .orElse(CredriftConfig.ReconcilerTuning.DEFAULTS),
                root.optional("audit").map(ConfigParser::audit).orElse(CredriftConfig.Audit.NONE));
    }

    private static CredriftConfig.Audit audit(ConfigCursor audit) {
        audit.allowOnly("keyFile", "previousKeyFiles");
        Optional<Path> keyFile = audit.optional("keyFile").map(ConfigCursor::filePath);
        List<Path> previous = audit.optional("previousKeyFiles").map(ConfigCursor::items).orElse(List.of()).stream()
                .map(ConfigCursor::filePath)
                .toList();
        if (keyFile.isEmpty() && !previous.isEmpty()) {
            throw audit.error("previousKeyFiles needs keyFile (the current key that seals new records)");
        }
        return new CredriftConfig.Audit(keyFile, previous);
    }

    private static CredriftConfig.Kafka kafka(ConfigCursor kafka) {
        kafka.allowOnly("bootstrapServers", "topicPrefix", "partitions", "replicationFactor", "properties");
        Optional<BootstrapServers> bootstrap = kafka.optional("bootstrapServers")
                .map(at -> {
                    try {
                        return BootstrapServers.parse(at.text());
                    } catch (IllegalArgumentException e) {
                        throw at.error(e.getMessage());
                    }
                });
        Optional<String> prefix = kafka.optional("topicPrefix").map(at -> {
            String value = at.text();
            try {
                Topics.withPrefix(value);
            } catch (ContractViolation e) {
                throw at.error("must make legal Kafka topic names: letters, digits, '.', '_' and '-'");
            }
            return value;
        });
        Map<String, KafkaProperty> properties = new LinkedHashMap<>();
        kafka.optional("properties")
                .ifPresent(at -> at.fields().forEach((key, value) -> {
                    if (RESERVED_KAFKA_PROPERTIES.contains(key)) {
                        throw value.error("is set by credrift itself and cannot be configured");
                    }
                    if (value.isMapping()) {
                        properties.put(key, new KafkaProperty.Secret(value.secretReference()));
                    } else if (SECRET_KAFKA_PROPERTY.matcher(key).matches()) {
                        throw value.error(
                                "holds a credential: give it as {file: PATH} or {env: VARIABLE}; inline values are"
                                        + " not accepted (the value was not logged)");
                    } else {
                        properties.put(key, new KafkaProperty.Plain(value.text()));
                    }
                }));
        return new CredriftConfig.Kafka(
                bootstrap,
                prefix,
                kafka.optional("partitions").map(at -> at.integer(1, 10_000)),
                kafka.optional("replicationFactor").map(at -> (short) at.integer(1, 100)),
                properties);
    }

    private static CredriftConfig.Kubernetes kubernetes(ConfigCursor kubernetes) {
        kubernetes.allowOnly("kubeconfig", "context");
        return new CredriftConfig.Kubernetes(
                kubernetes.optional("kubeconfig").map(ConfigCursor::filePath),
                kubernetes.optional("context").map(ConfigCursor::text));
    }

    private static CredriftConfig.OnePassword onePassword(ConfigCursor onePassword) {
        onePassword.allowOnly("url", "tokenFile", "caFile", "requestTimeout");
        ConfigCursor url = onePassword.required("url");
        var uri = url.httpUrl();
        Optional<Path> caFile = onePassword.optional("caFile").map(ConfigCursor::filePath);
        if (caFile.isPresent() && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw onePassword.required("caFile").error("is set but url is not https://");
        }
        return new CredriftConfig.OnePassword(
                uri,
                onePassword.required("tokenFile").filePath(),
                caFile,
                onePassword.optional("requestTimeout").map(ConfigCursor::positiveDuration));
    }

    private static CredriftConfig.WatcherTuning watcher(ConfigCursor watcher) {
        watcher.allowOnly(
                "resyncPeriod", "coalesceWindow", "leaderElection", "leaseNamespace", "secretNamespaces", "vault");
        List<String> secretNamespaces = new ArrayList<>();
        for (ConfigCursor at :
                watcher.optional("secretNamespaces").map(ConfigCursor::items).orElse(List.of())) {
            String namespace = at.text();
            if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw at.error("'" + namespace + "' is not a namespace name");
            }
            if (secretNamespaces.contains(namespace)) {
                throw at.error("'" + namespace + "' is listed twice");
            }
            secretNamespaces.add(namespace);
        }
        CredriftConfig.WatcherTuning.VaultPolling vault = watcher.optional("vault")
                .map(at -> {
                    at.allowOnly("enabled", "pollInterval", "maxRequestsPerMinute");
                    return new CredriftConfig.WatcherTuning.VaultPolling(
                            at.optional("enabled").map(ConfigCursor::bool),
                            at.optional("pollInterval").map(ConfigCursor::positiveDuration),
                            at.optional("maxRequestsPerMinute").map(n -> n.integer(1, 10_000)));
                })
                .orElse(CredriftConfig.WatcherTuning.VaultPolling.DEFAULTS);
        return new CredriftConfig.WatcherTuning(
                watcher.optional("resyncPeriod").map(ConfigCursor::positiveDuration),
                watcher.optional("coalesceWindow").map(at -> {
                    Duration window = at.duration();
                    if (window.isNegative()) {
                        throw at.error("must not be negative");
                    }
                    return window;
                }),
                watcher.optional("leaderElection").map(ConfigCursor::bool),
                watcher.optional("leaseNamespace").map(ConfigCursor::text),
                secretNamespaces,
                vault);
    }

    private static CredriftConfig.ReconcilerTuning reconciler(ConfigCursor reconciler) {
        reconciler.allowOnly(
                "maxConcurrentBindings",
                "globalRolloutsPerHour",
                "vaultWritesPerMinute",
                "probeCacheTtl",
                "notReadyGrace",
                "identityRecheck",
                "flappingSupersessions",
                "flappingWindow",
                "storeRecheck");
        return new CredriftConfig.ReconcilerTuning(
                reconciler.optional("maxConcurrentBindings").map(at -> at.integer(1, 1000)),
                reconciler.optional("globalRolloutsPerHour").map(at -> at.integer(1, 100_000)),
                reconciler.optional("vaultWritesPerMinute").map(at -> at.integer(1, 10_000)),
                reconciler.optional("probeCacheTtl").map(ConfigCursor::duration),
                reconciler.optional("notReadyGrace").map(ConfigCursor::positiveDuration),
                reconciler.optional("identityRecheck").map(ConfigCursor::positiveDuration),
                reconciler.optional("flappingSupersessions").map(at -> at.integer(1, 1000)),
                reconciler.optional("flappingWindow").map(ConfigCursor::positiveDuration),
                reconciler.optional("storeRecheck").map(ConfigCursor::positiveDuration));
    }
}
