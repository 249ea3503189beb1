/**
 * The reconciler's Kafka plumbing outside the observation consumer: one idempotent producer for outcomes, audit,
 * state and dead letters ({@link dev.credrift.reconciler.kafka.RecordSink}, acknowledged by all in-sync replicas
 * before a handling counts as durable), and a blocking reader that reads a topic (or its tail) to the end, for
 * the journal and the audit chain heads at start.
 */
package dev.credrift.reconciler.kafka;
