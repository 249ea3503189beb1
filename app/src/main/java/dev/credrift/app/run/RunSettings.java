package dev.credrift.app.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.TopicLayout;

/**
 * Everything {@code credrift run} needs, validated. An empty {@code kafka} means "start the embedded broker".
 *
 * @param kafkaTimeout      bound on every Kafka admin call (and on each readiness check)
 * @param readinessInterval how often readiness is re-checked in the background
 * @param shutdownTimeout   bound on the whole shutdown
 */
public record RunSettings(String httpHost, int httpPort, Optional<BootstrapServers> kafka, TopicLayout topics,
                          Duration kafkaTimeout, Duration readinessInterval, Duration shutdownTimeout) {

    public RunSettings {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topics, "topics");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("HTTP port must be 0-65535, got " + httpPort);
        }
        requirePositive(kafkaTimeout, "Kafka timeout");
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
