/**
 * Publishing observations to Kafka: a queue keyed by binding and event type (latest state wins, memory bounded under
 * backpressure), retries with backoff and jitter, and the Vert.x Kafka producer sink.
 */
package dev.credrift.watcher.publish;
