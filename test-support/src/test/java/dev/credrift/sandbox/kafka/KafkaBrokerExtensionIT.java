package dev.credrift.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as other modules' tests use it: a broker parameter wherever JUnit resolves one. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    private static KafkaBroker fromBeforeAll;
    private final KafkaBroker fromConstructor;
    private KafkaBroker fromBeforeEach;

    KafkaBrokerExtensionIT(KafkaBroker broker) {
        this.fromConstructor = broker;
    }

    @BeforeAll
    static void rememberBroker(KafkaBroker broker) {
        fromBeforeAll = broker;
    }

    @BeforeEach
    void rememberBrokerForEach(KafkaBroker broker) {
        fromBeforeEach = broker;
    }

    @Test
    void shouldResolveOneBrokerWhenAskedInConstructorLifecycleMethodsAndTest(KafkaBroker broker) {
        assertThat(broker)
                .isNotNull()
                .isSameAs(fromConstructor)
                .isSameAs(fromBeforeAll)
                .isSameAs(fromBeforeEach);
    }

    @Test
    void shouldDeliverRecordWhenTestUsesItsOwnTopicAndGroup(KafkaBroker broker) throws Exception {
        String topic = broker.uniqueName("extension");
        KafkaClients.createTopic(broker, topic);

        KafkaClients.send(broker, new ProducerRecord<>(topic, "monitoring/tempo-s3", "hello"));
        ConsumerRecord<String, String> received = KafkaClients.consumeOne(broker, topic, broker.uniqueName("group"));

        assertThat(received.value()).isEqualTo("hello");
    }
}
