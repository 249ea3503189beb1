package dev.credrift.app.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.credrift.events.codec.KafkaRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a consumed Kafka record into the client-free form events-schema's codec decodes. */
public final class CodecRecords {

    private CodecRecords() {
    }

    /** For a repeated header the last one counts, as in Kafka's {@code lastHeader}. */
    public static KafkaRecord of(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.remove(header.key());
            headers.put(header.key(), header.value());
        }
        return new KafkaRecord(record.key(), headers, record.value());
    }
}
