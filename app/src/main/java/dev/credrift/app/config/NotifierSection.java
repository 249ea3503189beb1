package dev.credrift.app.config;

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

/**
 * Reads the {@code notifier} section of {@code credrift.yaml}: sinks, routes and the dedup window. The notifier's own
 * constructors check their rules too ({@link #notifierRule}), so that a file that parses here also starts there, and
 * their errors come back naming this file's line and field.
 */
final class NotifierSection {

    private NotifierSection() {}

    static CredriftConfig.Notifier parse(ConfigCursor notifier) {
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
