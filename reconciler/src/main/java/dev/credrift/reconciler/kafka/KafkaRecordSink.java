package dev.credrift.reconciler.kafka;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.HashMap;
import java.util.Map;

/** A {@link RecordSink} on a Vert.x Kafka producer: every record acknowledged by all in-sync replicas, once. */
public final class KafkaRecordSink implements RecordSink {

    /** Producer settings applied unless overridden. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
            "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
            "acks", "all",
            "enable.idempotence", "true",
            "linger.ms", "1",
            "request.timeout.ms", "10000",
            "delivery.timeout.ms", "30000",
            "max.block.ms", "10000",
            "client.id", "credrift-reconciler");

    private final KafkaProducer<String, byte[]> producer;

    private KafkaRecordSink(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    public static KafkaRecordSink create(Vertx vertx, Map<String, String> config) {
        Map<String, String> merged = new HashMap<>(DEFAULTS);
        merged.putAll(config);
        return new KafkaRecordSink(KafkaProducer.create(vertx, merged));
    }

    @Override
    public Future<Void> send(String topic, KafkaRecord record) {
        KafkaProducerRecord<String, byte[]> out = KafkaProducerRecord.create(topic, record.key(), record.value());
        record.headers().forEach((name, value) -> out.addHeader(name, Buffer.buffer(value)));
        return producer.send(out).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return producer.close();
    }
}
