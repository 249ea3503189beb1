/**
 * The notifier's side of Kafka: offsets committed only past records whose notifications were
 * delivered or dead-lettered ({@link dev.credrift.notifier.kafka.OffsetBook}, {@link
 * dev.credrift.notifier.kafka.Ticket}), delivery results published as {@code NotificationDelivered}
 * / {@code NotificationFailed} on the outcomes topic and dead letters on the dead-letter topic
 * ({@link dev.credrift.notifier.kafka.ResultPublisher}), and the adapter between Vert.x Kafka records
 * and the codec's {@link dev.credrift.events.codec.KafkaRecord}.
 */
package dev.credrift.notifier.kafka;
