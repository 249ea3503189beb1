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
        return new NotifierConfig(
                value,
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

    /** A copy with another consumer group. */
    public NotifierConfig withGroupId(String value) {
        return new NotifierConfig(
                topics,
                value,
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

    /** A copy with extra Kafka client settings. */
    public NotifierConfig withKafka(Map<String, String> value) {
        return new NotifierConfig(
                topics,
                groupId,
                value,
                sinks,
                routes,
                dedupWindow,
                openRemediationTimeout,
                hopLabels,
                maxInFlight,
                commitInterval,
                source);
    }

    /** A copy with routes. */
    public NotifierConfig withRoutes(List<RouteRule> value) {
        return new NotifierConfig(
                topics,
                groupId,
                kafka,
                sinks,
                value,
                dedupWindow,
                openRemediationTimeout,
                hopLabels,
                maxInFlight,
                commitInterval,
                source);
    }

    /** A copy with another dedup window. */
    public NotifierConfig withDedupWindow(Duration value) {
        return new NotifierConfig(
                topics,
                groupId,
                kafka,
                sinks,
                routes,
                value,
                openRemediationTimeout,
                hopLabels,
                maxInFlight,
                commitInterval,
                source);
    }

    /** A copy with another open-remediation timeout. */
    public NotifierConfig withOpenRemediationTimeout(Duration value) {
        return new NotifierConfig(
                topics,
                groupId,
                kafka,
                sinks,
                routes,
                dedupWindow,
                value,
                hopLabels,
                maxInFlight,
                commitInterval,
                source);
    }

    /** A copy with other hop labels. */
    public NotifierConfig withHopLabels(HopLabels value) {
        return new NotifierConfig(
                topics,
                groupId,
                kafka,
                sinks,
                routes,
                dedupWindow,
                openRemediationTimeout,
                value,
                maxInFlight,
                commitInterval,
                source);
    }

    /** A copy with another in-flight limit. */
    public NotifierConfig withMaxInFlight(int value) {
        return new NotifierConfig(
                topics,
                groupId,
                kafka,
                sinks,
                routes,
                dedupWindow,
                openRemediationTimeout,
                hopLabels,
                value,
                commitInterval,
                source);
    }

    /** A copy with another commit interval. */
    public NotifierConfig withCommitInterval(Duration value) {
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
                value,
                source);
    }
}
