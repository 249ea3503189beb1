package dev.credrift.sandbox.kafka;

/**
 * A running Kafka broker that clients can reach. Tests share one broker per run, so they must not
 * share topic or consumer-group names: take them from {@link #uniqueName(String)}.
 */
public interface KafkaBroker {

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
    String bootstrapServers();

    /**
     * A topic / consumer-group / transactional-id name that no other call in this JVM returns:
     * {@code <prefix>-<sequence>-<run id>}, e.g. {@code observations-7-k3f9a2}.
     *
     * @param prefix a readable stem, made of the characters Kafka allows in topic names
     *               ({@code a-z A-Z 0-9 . _ -}), at most 200 of them
     * @throws IllegalArgumentException if the prefix is empty, too long or has other characters
     */
    default String uniqueName(String prefix) {
        return UniqueNames.next(prefix);
    }
}
