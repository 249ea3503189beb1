/**
 * Kafka administration for the {@code credrift} process, in one place: which topics credrift needs and with
 * which settings ({@link dev.credrift.app.kafka.TopicLayout}), how an existing topic is judged against them
 * ({@link dev.credrift.app.kafka.TopicCompatibility}), and the blocking Admin calls
 * ({@link dev.credrift.app.kafka.TopicAdministrator}) bridged to Vert.x on a named worker pool
 * ({@link dev.credrift.app.kafka.AsyncTopicAdmin}).
 */
package dev.credrift.app.kafka;
