package dev.credrift.app.kafka;

import java.util.List;
import java.util.stream.Collectors;

/** One or more topics already exist with settings that would break credrift's guarantees. */
public final class IncompatibleTopicException extends KafkaAdminException {

    private final List<TopicDifference.Incompatible> incompatibilities;

    public IncompatibleTopicException(
            BootstrapServers bootstrapServers, List<TopicDifference.Incompatible> incompatibilities) {
        super(message(bootstrapServers, incompatibilities), null);
        if (incompatibilities.isEmpty()) {
            throw new IllegalArgumentException("an IncompatibleTopicException needs at least one incompatibility");
        }
        this.incompatibilities = List.copyOf(incompatibilities);
    }

    public List<TopicDifference.Incompatible> incompatibilities() {
        return incompatibilities;
    }

    private static String message(
            BootstrapServers bootstrapServers, List<TopicDifference.Incompatible> incompatibilities) {
        return "Kafka at " + bootstrapServers + " has topics credrift cannot use: "
                + incompatibilities.stream().map(TopicDifference::describe).collect(Collectors.joining("; "))
                + ". Change the topic (kafka-configs.sh --alter, or delete and let credrift create it) or configure other topic names.";
    }
}
