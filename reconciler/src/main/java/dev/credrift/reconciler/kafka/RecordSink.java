package dev.credrift.reconciler.kafka;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.core.Future;

/** Sends records; the future completes when the broker has acknowledged the record. */
public interface RecordSink {

    Future<Void> send(String topic, KafkaRecord record);

    Future<Void> close();
}
