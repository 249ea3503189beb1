package dev.credrift.notifier;

import dev.credrift.events.Topics;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.report.HopLabels;
import dev.credrift.notifier.routing.RouteRule;
import dev.credrift.notifier.routing.Router;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the notifier is told; {@link #of(List)} gives the defaults for a list of sinks.
 *
 * @param topics                 topic names (outcomes are read, results go to outcomes and dead letters to deadletter)
 * @param groupId                the notifier's own consumer group on the outcomes topic
 * @param kafka                  extra Kafka client settings for both consumer and producer (security, {@code
 *                               auto.offset.reset} …); may not touch the group, serializers or offset commits
 * @param sinks                  where notifications go
 * @param routes                 which reports go to which sinks; none: every report to every sink
 * @param dedupWindow            one message per sink, binding, drift class and kind within this window; zero disables
 * @param openRemediationTimeout how long a remediation that never ends is followed before its records are let go
 * @param hopLabels              names in the chain line
 * @param maxInFlight            records being handled before the consumer pauses (they resume at half)
 * @param commitInterval         how often delivered offsets are committed
 * @param source                 CloudEvents source of the events the notifier publishes
 */
public record NotifierConfig(
        Topics topics,
        String groupId,
        Map<String, String> kafka,
        List<SinkConfig> sinks,
        List<RouteRule> routes,
        Duration dedupWindow,
        Duration openRemediationTimeout,
        HopLabels hopLabels,
        int maxInFlight,
        Duration commitInterval,
        URI source) {

    /** The default consumer group. */
    public static final String DEFAULT_GROUP_ID = "credrift-notifier";
    /** The default CloudEvents source of published events. */
    public static final URI DEFAULT_SOURCE = URI.create("urn:credrift:notifier");

    /** Settings the notifier owns: overriding them would break "commit only what was delivered". */
    static final Set<String> FIXED_KAFKA_SETTINGS = Set.of(
            "bootstrap.servers",
            "group.id",
            "enable.auto.commit",
            "key.deserializer",
            "value.deserializer",
            "key.serializer",
            "value.serializer");

    /** Validates every field and that routes name configured sinks. */
    public NotifierConfig {
        String object = "notifier";
        if (topics == null) {
            throw new InvalidNotifierConfig(object, "topics", "is required");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new InvalidNotifierConfig(object, "groupId", "must not be blank");
        }
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
        for (String key : kafka.keySet()) {
            if (FIXED_KAFKA_SETTINGS.contains(key)) {
                throw new InvalidNotifierConfig(object, "kafka." + key, "is set by the notifier itself");
            }
        }
        if (sinks == null) {
            throw new InvalidNotifierConfig(object, "sinks", "is required (it may be empty)");
        }
        sinks = List.copyOf(sinks);
        Set<String> names = new HashSet<>();
        for (SinkConfig sink : sinks) {
            if (!names.add(sink.name())) {
                throw new InvalidNotifierConfig("sink '" + sink.name() + "'", "name", "is used by more than one sink");
            }
        }
        routes = routes == null ? List.of() : List.copyOf(routes);
        new Router(routes, sinks.stream().map(SinkConfig::name).toList());
        if (dedupWindow == null || dedupWindow.isNegative()) {
            throw new InvalidNotifierConfig(object, "dedupWindow", "must be zero or a positive duration");
        }
        if (openRemediationTimeout == null || openRemediationTimeout.isNegative() || openRemediationTimeout.isZero()) {
            throw new InvalidNotifierConfig(object, "openRemediationTimeout", "must be a positive duration");
        }
        if (hopLabels == null) {
            throw new InvalidNotifierConfig(object, "hopLabels", "is required");
        }
        if (maxInFlight < 1) {
            throw new InvalidNotifierConfig(object, "maxInFlight", "must be at least 1");
        }
        if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
            throw new InvalidNotifierConfig(object, "commitInterval", "must be a positive duration");
        }
        if (source == null || source.toString().isEmpty()) {
            throw new InvalidNotifierConfig(object, "source", "must be a non-empty URI");
        }
    }

    /**
     * The defaults: default topics, group {@value #DEFAULT_GROUP_ID}, no routes (everything everywhere),
     * a 15-minute dedup window, remediations followed for 2 hours, the hop labels of the first field story, 1,000 records
     * in flight, commits every second.
     */
    public static NotifierConfig of(List<SinkConfig> sinks) {
        return new NotifierConfig(
                Topics.defaults(),
                DEFAULT_GROUP_ID,
                Map.of(),
                sinks,
                List.of(),
                Duration.ofMinutes(15),
                Duration.ofHours(2),
                HopLabels.DEFAULT,
                1000,
                Duration.ofSeconds(1),
                DEFAULT_SOURCE);
    }

    /** A copy with other topic names. */
    public NotifierConfig withTopics(Topics value) {
        return copy(c -> c.topics = value);
    }

    /** A copy with another consumer group. */
    public NotifierConfig withGroupId(String value) {
        return copy(c -> c.groupId = value);
    }

    /** A copy with extra Kafka client settings. */
    public NotifierConfig withKafka(Map<String, String> value) {
        return copy(c -> c.kafka = value);
    }

    /** A copy with routes. */
    public NotifierConfig withRoutes(List<RouteRule> value) {
        return copy(c -> c.routes = value);
    }

    /** A copy with another dedup window. */
    public NotifierConfig withDedupWindow(Duration value) {
        return copy(c -> c.dedupWindow = value);
    }

    /** A copy with another open-remediation timeout. */
    public NotifierConfig withOpenRemediationTimeout(Duration value) {
        return copy(c -> c.openRemediationTimeout = value);
    }

    /** A copy with other hop labels. */
    public NotifierConfig withHopLabels(HopLabels value) {
        return copy(c -> c.hopLabels = value);
    }

    /** A copy with another in-flight limit. */
    public NotifierConfig withMaxInFlight(int value) {
        return copy(c -> c.maxInFlight = value);
    }

    /** A copy with another commit interval. */
    public NotifierConfig withCommitInterval(Duration value) {
        return copy(c -> c.commitInterval = value);
    }

    private NotifierConfig copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The one place that lists every field for the {@code with…} methods; the record's constructor validates. */
    private static final class Copy {
        private Topics topics;
        private String groupId;
        private Map<String, String> kafka;
        private List<SinkConfig> sinks;
        private List<RouteRule> routes;
        private Duration dedupWindow;
        private Duration openRemediationTimeout;
        private HopLabels hopLabels;
        private int maxInFlight;
        private Duration commitInterval;
        private URI source;

        Copy(NotifierConfig from) {
            topics = from.topics;
            groupId = from.groupId;
            kafka = from.kafka;
            sinks = from.sinks;
            routes = from.routes;
            dedupWindow = from.dedupWindow;
            openRemediationTimeout = from.openRemediationTimeout;
            hopLabels = from.hopLabels;
            maxInFlight = from.maxInFlight;
            commitInterval = from.commitInterval;
            source = from.source;
        }

        NotifierConfig build() {
            return new NotifierConfig(
                    topics,
                    groupId,
                    kafka,
                    sinks,
                    routes,
                    dedupWindow,
                    openRemediationTimeout,
                    hopLabels,
                    maxInFlight,
                    commitInterval,
                    source);
        }
    }
}
