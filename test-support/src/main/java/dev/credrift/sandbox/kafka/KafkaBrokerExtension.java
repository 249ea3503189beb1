package dev.credrift.sandbox.kafka;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a {@link KafkaBroker} parameter (in constructors, test methods and lifecycle methods):
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class ObservationPublisherIT {
 *     @Test
 *     void shouldPublishWhenSecretChanges(KafkaBroker kafka) {
 *         String topic = kafka.uniqueName("observations");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>One broker serves the whole test run: it is started on first use, kept in the root extension
 * context and stopped when the run ends. It is a Testcontainers {@code KafkaContainer} when a Docker
 * daemon is reachable and the {@link EmbeddedKafkaBroker} otherwise; the system property
 * {@code credrift.test.kafka} (or environment variable {@code CREDRIFT_TEST_KAFKA}) set to
 * {@code embedded} or {@code testcontainers} forces one. Because tests share the broker, each takes
 * its own topic and group names from {@link KafkaBroker#uniqueName(String)}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public KafkaBroker resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SharedBroker shared = extensionContext
                .getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class);
        return shared.broker()
                .orElseThrow(() -> new ParameterResolutionException(
                        "no Kafka broker for " + parameterContext.getDeclaringExecutable(), shared.failure()));
    }

    /**
     * The run's broker, or why it could not start: remembered either way so that a broken
     * environment fails every test at once instead of retrying a slow start in each.
     * JUnit closes it (an {@link AutoCloseable} in the root store) when the run ends.
     */
    private record SharedBroker(KafkaBroker started, Runnable closer, RuntimeException failure)
            implements AutoCloseable {

        static SharedBroker start() {
            try {
                BrokerChoice choice = BrokerChoice.fromEnvironment();
                return switch (choice) {
                    case EMBEDDED -> embedded("forced by " + BrokerChoice.PROPERTY);
                    case TESTCONTAINERS -> container("forced by " + BrokerChoice.PROPERTY);
                    case AUTO -> {
                        Optional<String> noDocker = DockerProbe.missingReason();
                        yield noDocker.isPresent() ? embedded(noDocker.get()) : container("Docker is available");
                    }
                };
            } catch (RuntimeException e) {
                LOG.error("Kafka for tests: no broker could be started", e);
                return new SharedBroker(null, null, e);
            }
        }

        private static SharedBroker embedded(String why) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
            LOG.info("Kafka for tests: embedded broker at {} ({})", broker.bootstrapServers(), why);
            return new SharedBroker(broker, broker::close, null);
        }

        private static SharedBroker container(String why) {
            ContainerKafkaBroker broker = ContainerKafkaBroker.start();
            LOG.info("Kafka for tests: {} ({})", broker, why);
            return new SharedBroker(broker, broker::close, null);
        }

        Optional<KafkaBroker> broker() {
            return Optional.ofNullable(started);
        }

        @Override
        public void close() {
            if (closer != null) {
                closer.run();
            }
        }
    }
}
