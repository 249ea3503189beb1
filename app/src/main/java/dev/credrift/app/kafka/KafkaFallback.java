package dev.credrift.app.kafka;

/**
 * What {@code credrift run} does when no Kafka is configured (no {@code --kafka}, {@code CREDRIFT_KAFKA_BOOTSTRAP} or
 * {@code kafka.bootstrapServers}). The production artifact {@linkplain #REFUSE refuses}: it carries no broker. The
 * local sandbox artifact starts an embedded one.
 */
@FunctionalInterface
public interface KafkaFallback {

    /** Production: no broker to fall back on; start-up stops with what to configure. */
    KafkaFallback REFUSE = () -> {
        throw new KafkaNotConfiguredException();
    };

    /** @throws RuntimeException when no Kafka can be provided */
    KafkaEndpoint start();
}
