package dev.credrift.app.config;

import dev.credrift.app.config.CredriftConfig.KafkaProperty;
import dev.credrift.app.config.yaml.YamlSyntaxException;
import dev.credrift.app.config.yaml.YamlTreeReader;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.Topics;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.SinkKind;
import dev.credrift.notifier.NotifierConfig;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.config.RateLimit;
import dev.credrift.notifier.config.RetryPolicy;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.config.SinkTimeouts;
import dev.credrift.notifier.report.Severity;
import dev.credrift.notifier.routing.RouteRule;
import dev.credrift.notifier.webhook.SignatureScheme;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
                root.optional("notifier").map(ConfigParser::notifier).orElse(CredriftConfig.Notifier.NONE);
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

    private static CredriftConfig.Notifier notifier(ConfigCursor notifier) {
        notifier.allowOnly("sinks", "routes", "dedupWindow");
        List<SinkConfig> sinks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigCursor at :
                notifier.optional("sinks").map(ConfigCursor::items).orElse(List.of())) {
            SinkConfig sink = sink(at);
            if (!names.add(sink.name())) {
                throw at.required("name").error("'" + sink.name() + "' is used by more than one sink");
            }
            sinks.add(sink);
        }
        List<RouteRule> routes = new ArrayList<>();
        for (ConfigCursor at :
                notifier.optional("routes").map(ConfigCursor::items).orElse(List.of())) {
            routes.add(route(at, names));
        }
        Optional<Duration> dedupWindow = notifier.optional("dedupWindow").map(at -> {
            Duration window = at.duration();
            if (window.isNegative()) {
                throw at.error("must be zero (off) or a positive duration");
            }
            return window;
        });
        // the notifier's own checks, so that a file that parses here also starts there
        notifierRule(notifier, () -> NotifierConfig.of(sinks).withRoutes(routes));
        return new CredriftConfig.Notifier(sinks, routes, dedupWindow);
    }

    private static SinkConfig sink(ConfigCursor sink) {
        sink.allowOnly(
                "name", "kind", "url", "signingKey", "signature", "timeouts", "retry", "rateLimit", "concurrency");
        ConfigCursor nameAt = sink.required("name");
        String name = nameAt.text();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw nameAt.error("must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        SinkKind kind =
                sink.required("kind").choice("slack", "webhook").equals("slack") ? SinkKind.SLACK : SinkKind.WEBHOOK;
        SecretReference url = sink.required("url").secretReference();
        Optional<ConfigCursor> signingKeyAt = sink.optional("signingKey");
        if (kind == SinkKind.WEBHOOK && signingKeyAt.isEmpty()) {
            throw sink.missing("signingKey", "is required for a webhook sink");
        }
        if (kind == SinkKind.SLACK && signingKeyAt.isPresent()) {
            throw signingKeyAt
                    .get()
                    .error("is not used by Slack (the incoming-webhook URL is the credential); leave it out");
        }
        SinkConfig config = notifierRule(
                sink,
                () -> kind == SinkKind.SLACK
                        ? SinkConfig.slack(name, url.toSecretSource())
                        : SinkConfig.webhook(
                                name,
                                url.toSecretSource(),
                                signingKeyAt.get().secretReference().toSecretSource()));
        Optional<ConfigCursor> signature = sink.optional("signature");
        if (signature.isPresent()) {
            if (kind == SinkKind.SLACK) {
                throw signature.get().error("applies to webhook sinks only (Slack is not signed)");
            }
            String scheme = signature
                    .get()
                    .choice(SignatureScheme.CREDRIFT.wireName(), SignatureScheme.STANDARD_WEBHOOKS.wireName());
            config = config.withSignature(SignatureScheme.fromWire(scheme).orElseThrow());
        }
        Optional<ConfigCursor> timeouts = sink.optional("timeouts");
        if (timeouts.isPresent()) {
            ConfigCursor at = timeouts.get().allowOnly("connect", "request");
            SinkTimeouts value = notifierRule(
                    at,
                    () -> new SinkTimeouts(
                            at.optional("connect")
                                    .map(ConfigCursor::positiveDuration)
                                    .orElse(SinkTimeouts.DEFAULT.connect()),
                            at.optional("request")
                                    .map(ConfigCursor::positiveDuration)
                                    .orElse(SinkTimeouts.DEFAULT.request())));
            config = config.withTimeouts(value);
        }
        Optional<ConfigCursor> retry = sink.optional("retry");
        if (retry.isPresent()) {
            ConfigCursor at = retry.get().allowOnly("maxAttempts", "initialBackoff", "maxBackoff", "maxRetryAfter");
            RetryPolicy base = RetryPolicy.DEFAULT;
            RetryPolicy value = notifierRule(
                    at,
                    () -> new RetryPolicy(
                            at.optional("maxAttempts")
                                    .map(a -> a.integer(1, 100))
                                    .orElse(base.maxAttempts()),
                            at.optional("initialBackoff")
                                    .map(ConfigCursor::positiveDuration)
                                    .orElse(base.initialBackoff()),
                            base.multiplier(),
                            base.jitter(),
                            at.optional("maxBackoff")
                                    .map(ConfigCursor::positiveDuration)
                                    .orElse(base.maxBackoff()),
                            at.optional("maxRetryAfter")
                                    .map(ConfigCursor::positiveDuration)
                                    .orElse(base.maxRetryAfter())));
            config = config.withRetry(value);
        }
        Optional<ConfigCursor> rateLimit = sink.optional("rateLimit");
        if (rateLimit.isPresent()) {
            ConfigCursor at = rateLimit.get().allowOnly("permits", "period", "burst");
            RateLimit base = config.rateLimit();
            RateLimit value = notifierRule(
                    at,
                    () -> new RateLimit(
                            at.optional("permits")
                                    .map(a -> a.integer(1, 100_000))
                                    .orElse(base.permits()),
                            at.optional("period")
                                    .map(ConfigCursor::positiveDuration)
                                    .orElse(base.period()),
                            at.optional("burst").map(a -> a.integer(1, 100_000)).orElse(base.burst())));
            config = config.withRateLimit(value);
        }
        Optional<ConfigCursor> concurrency = sink.optional("concurrency");
        if (concurrency.isPresent()) {
            config = config.withConcurrency(concurrency.get().integer(1, 64));
        }
        return config;
    }

    private static RouteRule route(ConfigCursor route, Set<String> sinkNames) {
        route.allowOnly("sinks", "namespaces", "bindingLabels", "eventTypes", "minSeverity");
        ConfigCursor sinksAt = route.required("sinks");
        List<ConfigCursor> sinkItems = sinksAt.items();
        if (sinkItems.isEmpty()) {
            throw sinksAt.error("must name at least one sink");
        }
        List<String> sinks = new ArrayList<>();
        for (ConfigCursor item : sinkItems) {
            String name = item.text();
            if (!sinkNames.contains(name)) {
                throw item.error("names sink '" + name + "', which is not configured under notifier.sinks");
            }
            sinks.add(name);
        }
        Set<String> namespaces = new LinkedHashSet<>(
                route.optional("namespaces").map(ConfigCursor::texts).orElse(List.of()));
        Map<String, String> labels = new LinkedHashMap<>();
        route.optional("bindingLabels")
                .ifPresent(at -> at.fields().forEach((key, value) -> labels.put(key, value.text())));
        Set<EventType> eventTypes = new LinkedHashSet<>();
        for (ConfigCursor item :
                route.optional("eventTypes").map(ConfigCursor::items).orElse(List.of())) {
            eventTypes.add(eventType(item));
        }
        Severity minSeverity = route.optional("minSeverity")
                .map(at -> Severity.valueOf(
                        at.choice("info", "warning", "critical").toUpperCase(Locale.ROOT)))
                .orElse(Severity.INFO);
        return notifierRule(route, () -> new RouteRule(namespaces, labels, eventTypes, minSeverity, sinks));
    }

    /** {@code remediation.halted}, {@code dev.credrift.remediation.halted.v1} or {@code REMEDIATION_HALTED}. */
    private static EventType eventType(ConfigCursor at) {
        String text = at.text();
        for (EventType type : EventType.values()) {
            String shortName = type.typeName()
                    .substring("dev.credrift.".length(), type.typeName().length() - ".v1".length());
            if (type.typeName().equals(text)
                    || shortName.equals(text)
                    || type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw at.error(
                "'" + text + "' is not an event type; e.g. drift.detected, remediation.halted, remediation.succeeded");
    }

    /** Runs a notifier constructor, turning its typed error into one with this file's line and field. */
    private static <T> T notifierRule(ConfigCursor at, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidNotifierConfig e) {
            String prefix = e.object() + ": " + e.field() + " ";
            String rule =
                    e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new InvalidConfigException(at.file(), at.line(), at.path() + "." + e.field(), rule);
        }
    }
}
