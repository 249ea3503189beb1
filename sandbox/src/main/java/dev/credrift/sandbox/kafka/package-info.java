/**
 * A real Kafka broker for tests and for the local launcher's {@code ./credrift run} (sandbox-app) without Kafka.
 *
 * <p>{@link dev.credrift.sandbox.kafka.EmbeddedKafkaBroker} runs a single-node KRaft broker inside the
 * JVM on loopback; {@code KafkaBrokerExtension} (module test-support, same package) hands tests one broker per
 * test run (a Testcontainers {@code KafkaContainer} when Docker is reachable, the embedded broker
 * otherwise). Tests share that broker, so each one takes its own topic and consumer-group names from
 * {@link dev.credrift.sandbox.kafka.KafkaBroker#uniqueName(String)}.
 */
package dev.credrift.sandbox.kafka;
