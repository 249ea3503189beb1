package dev.credrift.watcher.publish;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.core.Future;

/** Where encoded observations go: Kafka in production ({@link KafkaObservationSink}), anything in tests. */
public interface ObservationSink {

    /** Sends one record; the future completes when the broker acknowledged it. */
    Future<Void> send(String topic, KafkaRecord record);

    /** Flushes what was sent and releases the sink. */
    Future<Void> close();
}
