/**
 * A real Kafka broker for tests and for {@code credrift run}'s embedded default.
 *
 * <p>{@link dev.credrift.sandbox.kafka.EmbeddedKafkaBroker} runs a single-node KRaft broker inside the
 * JVM on loopback; {@link dev.credrift.sandbox.kafka.KafkaBrokerExtension} hands tests one broker per
 * test run (a Testcontainers {@code KafkaContainer} when Docker is reachable, the embedded broker
 * otherwise). Tests share that broker, so each one takes its own topic and consumer-group names from
 * {@link dev.credrift.sandbox.kafka.KafkaBroker#uniqueName(String)}.
 */
package dev.credrift.sandbox.kafka;
