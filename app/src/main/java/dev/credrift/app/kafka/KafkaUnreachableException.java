package dev.credrift.app.kafka;

import java.time.Duration;

/** No broker at the bootstrap servers answered within the admin timeout, or the address could not be resolved. */
public final class KafkaUnreachableException extends KafkaAdminException {

    private final BootstrapServers bootstrapServers;

    public KafkaUnreachableException(
            BootstrapServers bootstrapServers, String operation, Duration timeout, Throwable cause) {
        super(
                "Kafka is unreachable at " + bootstrapServers + ": no answer to '" + operation + "' within "
                        + Durations.human(timeout)
                        + " (check --kafka / CREDRIFT_KAFKA_BOOTSTRAP and that a broker listens there)",
                cause);
        this.bootstrapServers = bootstrapServers;
    }

    public KafkaUnreachableException(BootstrapServers bootstrapServers, String detail, Throwable cause) {
        super("Kafka is unreachable at " + bootstrapServers + ": " + detail, cause);
        this.bootstrapServers = bootstrapServers;
    }

    public BootstrapServers bootstrapServers() {
        return bootstrapServers;
    }
}
