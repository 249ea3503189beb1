package dev.credrift.reconciler.kafka;

import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.kafka.KafkaRecords;
import dev.credrift.kafka.ProducerDefaults;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.Map;

/** A {@link RecordSink} on a Vert.x Kafka producer: every record acknowledged by all in-sync replicas, once. */
public final class KafkaRecordSink implements RecordSink {

    /** Producer settings applied unless overridden. */
    public static final Map<String, String> DEFAULTS = ProducerDefaults.forClient("credrift-reconciler");

    private final KafkaProducer<String, byte[]> producer;

    private KafkaRecordSink(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    public static KafkaRecordSink create(Vertx vertx, Map<String, String> config) {
        return new KafkaRecordSink(
                KafkaProducer.create(vertx, ProducerDefaults.overriddenBy("credrift-reconciler", config)));
    }

    @Override
    public Future<Void> send(String topic, KafkaRecord record) {
        return producer.send(KafkaRecords.toProducer(topic, record)).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return producer.close();
    }
}
