package dev.credrift.notifier.kafka;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between Vert.x Kafka records and the codec's {@link KafkaRecord}. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /** A consumed record for the codec; a repeated header keeps its last value, as Kafka's {@code lastHeader}. */
    public static KafkaRecord from(KafkaConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (KafkaHeader header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : header.value().getBytes());
        }
        return new KafkaRecord(record.key(), headers, record.value());
    }

    /** A record to produce to {@code topic}. */
    public static KafkaProducerRecord<String, byte[]> to(String topic, KafkaRecord record) {
        KafkaProducerRecord<String, byte[]> out = KafkaProducerRecord.create(topic, record.key(), record.value());
        record.headers().forEach((name, value) -> out.addHeader(name, Buffer.buffer(value)));
        return out;
    }
}
