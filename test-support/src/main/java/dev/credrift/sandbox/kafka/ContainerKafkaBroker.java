package dev.credrift.sandbox.kafka;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka broker in a Docker container (Testcontainers' {@code KafkaContainer}, image
 * {@code apache/kafka} at the version of our kafka-clients unless {@value #IMAGE_PROPERTY} names another).
 */
final class ContainerKafkaBroker implements KafkaBroker, AutoCloseable {

    static final String IMAGE_PROPERTY = "credrift.test.kafka.image";

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaBroker start() {
        String image = System.getProperty(IMAGE_PROPERTY, "apache/kafka:" + AppInfoParser.getVersion());
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new KafkaBrokerException("Kafka container " + image + " did not start", e);
        }
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerKafkaBroker[" + container.getDockerImageName() + " at " + bootstrapServers() + "]";
    }
}
