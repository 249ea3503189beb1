package dev.credrift.sandbox.kafka;

import dev.credrift.events.codec.KafkaRecord;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes a record that credrift's codec encoded to a topic, headers and all, as any Kafka producer would. */
public final class RecordProducer {

    private RecordProducer() {}

    /** Sends {@code record} to {@code topic} and waits (at most 30 s) until the broker acknowledged it. */
    public static void produce(String bootstrapServers, String topic, KafkaRecord record)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(topic, record.key(), record.value());
            record.headers().forEach((name, value) -> producerRecord.headers().add(name, value));
            producer.send(producerRecord).get(30, TimeUnit.SECONDS);
        }
    }
}
