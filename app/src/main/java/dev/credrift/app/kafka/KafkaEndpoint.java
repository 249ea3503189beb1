package dev.credrift.app.kafka;

/**
 * Where this process's Kafka is: a cluster someone else runs, or — only in the local sandbox artifact — a broker
 * started for this process that must be stopped on the way out.
 */
public interface KafkaEndpoint extends AutoCloseable {

    BootstrapServers bootstrapServers();

    /** True when closing this endpoint stops a broker this process started. */
    boolean ownsBroker();

    @Override
    void close();

    /** A Kafka cluster credrift only connects to. */
    record External(BootstrapServers bootstrapServers) implements KafkaEndpoint {
        @Override
        public boolean ownsBroker() {
            return false;
        }

        @Override
        public void close() {
            // not ours to stop
        }
    }
}
