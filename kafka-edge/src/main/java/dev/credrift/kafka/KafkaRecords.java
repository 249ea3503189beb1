package dev.credrift.kafka;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Converts between the codec's client-free {@link KafkaRecord} and the Kafka clients' records. A Vert.x consumer record
 * converts through its {@code record()}.
 */
public final class KafkaRecords {

    private KafkaRecords() {}

    /** A consumed record for the codec; a repeated header keeps its last value, as Kafka's {@code lastHeader}. */
    public static KafkaRecord from(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new KafkaRecord(record.key(), headers, record.value());
    }

    /** A record to produce to {@code topic} with a Vert.x producer: key, headers in order, value. */
    public static KafkaProducerRecord<String, byte[]> toProducer(String topic, KafkaRecord record) {
        KafkaProducerRecord<String, byte[]> out = KafkaProducerRecord.create(topic, record.key(), record.value());
        record.headers().forEach((name, value) -> out.addHeader(name, Buffer.buffer(value)));
        return out;
    }
}
