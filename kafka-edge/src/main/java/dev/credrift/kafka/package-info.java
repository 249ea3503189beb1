/**
 * The Kafka client edge every role shares: {@link dev.credrift.kafka.ProducerDefaults} (how credrift produces) and
 * {@link dev.credrift.kafka.KafkaRecords} (the codec's client-free {@code KafkaRecord} to and from the client's
 * records). Roles import this package; it imports no role, only events-schema and the Kafka clients.
 */
package dev.credrift.kafka;
