package dev.credrift.app.local;

import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.KafkaEndpoint;
import dev.credrift.app.run.RunCommand;
import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process single-node KRaft broker {@code ./credrift run} starts when no Kafka is given; closing it stops it and deletes its data. */
public record EmbeddedKafka(EmbeddedKafkaBroker broker) implements KafkaEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** Starts the broker (the {@code KafkaFallback} of the local artifact). */
    public static EmbeddedKafka start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        LOG.info(
                "no --kafka or {} given: started an embedded Kafka broker at {} (its data is deleted on exit)",
                RunCommand.KAFKA_ENVIRONMENT_VARIABLE,
                broker.bootstrapServers());
        return new EmbeddedKafka(broker);
    }

    @Override
    public BootstrapServers bootstrapServers() {
        return BootstrapServers.parse(broker.bootstrapServers());
    }

    @Override
    public boolean ownsBroker() {
        return true;
    }

    @Override
    public void close() {
        broker.close();
    }
}
