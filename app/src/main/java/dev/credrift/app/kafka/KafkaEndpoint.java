package dev.credrift.app.kafka;

import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;

/**
 * Where this process's Kafka is: a cluster someone else runs, or the embedded single-node broker that
 * {@code credrift run} starts when no bootstrap servers are given (and must stop on the way out).
 */
public sealed interface KafkaEndpoint extends AutoCloseable {

    BootstrapServers bootstrapServers();

    @Override
    void close();

    /** A Kafka cluster credrift only connects to. */
    record External(BootstrapServers bootstrapServers) implements KafkaEndpoint {
        @Override
        public void close() {
            // not ours to stop
        }
    }

    /** The in-process broker; closing it stops it and deletes its data. */
    record Embedded(EmbeddedKafkaBroker broker) implements KafkaEndpoint {
        @Override
        public BootstrapServers bootstrapServers() {
            return BootstrapServers.parse(broker.bootstrapServers());
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
