package dev.credrift.watcher.publish;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Sends observations with a Vert.x Kafka producer, in CloudEvents binary mode as {@code EventCodec} laid them out. */
public final class KafkaObservationSink implements ObservationSink {

    /**
     * Producer settings applied unless the caller overrides them: every acknowledged observation is on all in-sync
     * replicas and written once; a send fails within 30 s so that our own retry (with backoff) takes over; a 1 ms
     * linger batches a resync's burst without delaying a single observation noticeably.
     */
    public static final Map<String, String> DEFAULTS = Map.of(
            "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
            "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
            "acks", "all",
            "enable.idempotence", "true",
            "linger.ms", "1",
            "request.timeout.ms", "10000",
            "delivery.timeout.ms", "30000",
            "max.block.ms", "10000",
            "client.id", "credrift-watcher");

    private final KafkaProducer<String, byte[]> producer;
    private final boolean owned;

    private KafkaObservationSink(KafkaProducer<String, byte[]> producer, boolean owned) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.owned = owned;
    }

    /**
     * A sink with its own producer.
     *
     * @param config producer settings, at least {@code bootstrap.servers}; they override {@link #DEFAULTS}
     */
    public static KafkaObservationSink create(Vertx vertx, Map<String, String> config) {
        if (config.get("bootstrap.servers") == null) {
            throw new IllegalArgumentException("Kafka producer config needs bootstrap.servers");
        }
        Map<String, String> merged = new HashMap<>(DEFAULTS);
        merged.putAll(config);
        return new KafkaObservationSink(KafkaProducer.create(vertx, merged), true);
    }

    /** A sink on the caller's producer (key String, value byte[]); {@link #close()} leaves it open. */
    public static KafkaObservationSink using(KafkaProducer<String, byte[]> producer) {
        return new KafkaObservationSink(producer, false);
    }

    @Override
    public Future<Void> send(String topic, KafkaRecord record) {
        KafkaProducerRecord<String, byte[]> out = KafkaProducerRecord.create(topic, record.key(), record.value());
        record.headers().forEach((name, value) -> out.addHeader(name, Buffer.buffer(value)));
        return producer.send(out).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return owned ? producer.close() : producer.flush();
    }
}
