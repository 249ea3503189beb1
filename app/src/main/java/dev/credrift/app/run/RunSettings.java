package dev.credrift.app.run;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.TopicLayout;
import dev.credrift.app.roles.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything {@code credrift run} needs, validated. An empty {@code kafka} means "none configured" (see {@code KafkaFallback}).
 *
 * @param kafkaTimeout      bound on every Kafka admin call (and on each readiness check)
 * @param kubernetesTimeout bound on each check of the Kubernetes API (at start and in the background)
 * @param readinessInterval how often readiness is re-checked in the background
 * @param shutdownTimeout   bound on the whole shutdown
 * @param config            the configuration file's content ({@link CredriftConfig#none()} without one)
 * @param groupPrefix       consumer groups are {@code <groupPrefix>-notifier} and {@code <groupPrefix>-reconciler}
 * @param roles             the roles to start
 * @param roleNotices       roles left out and why, logged at start
 * @param environment       environment variables, for secrets given as {@code {env: NAME}}
 */
public record RunSettings(
        String httpHost,
        int httpPort,
        Optional<BootstrapServers> kafka,
        TopicLayout topics,
        Duration kafkaTimeout,
        Duration kubernetesTimeout,
        Duration readinessInterval,
        Duration shutdownTimeout,
        CredriftConfig config,
        String groupPrefix,
        Set<Role> roles,
        List<String> roleNotices,
        Function<String, String> environment) {

    public RunSettings {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(groupPrefix, "groupPrefix");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        roleNotices = List.copyOf(roleNotices);
        Objects.requireNonNull(environment, "environment");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("HTTP port must be 0-65535, got " + httpPort);
        }
        requirePositive(kafkaTimeout, "Kafka timeout");
        requirePositive(kubernetesTimeout, "Kubernetes timeout");
        requirePositive(readinessInterval, "readiness interval");
        requirePositive(shutdownTimeout, "shutdown timeout");
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
