package dev.credrift.watcher.publish;

import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.kafka.KafkaRecords;
import dev.credrift.kafka.ProducerDefaults;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.Map;
import java.util.Objects;

/** Sends observations with a Vert.x Kafka producer, in CloudEvents binary mode as {@code EventCodec} laid them out. */
public final class KafkaObservationSink implements ObservationSink {

    /** Producer settings applied unless the caller overrides them ({@link ProducerDefaults}). */
    public static final Map<String, String> DEFAULTS = ProducerDefaults.forClient("credrift-watcher");

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
        return new KafkaObservationSink(
                KafkaProducer.create(vertx, ProducerDefaults.overriddenBy("credrift-watcher", config)), true);
    }

    /** A sink on the caller's producer (key String, value byte[]); {@link #close()} leaves it open. */
    public static KafkaObservationSink using(KafkaProducer<String, byte[]> producer) {
        return new KafkaObservationSink(producer, false);
    }

    @Override
    public Future<Void> send(String topic, KafkaRecord record) {
        return producer.send(KafkaRecords.toProducer(topic, record)).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return owned ? producer.close() : producer.flush();
    }
}
