/**
 * The notifier's metrics: notifications per sink and result, dedup suppressions, dead letters, and Kafka's client
 * metrics of the outcome consumer (its lag). Every sink's series exist from the start at zero.
 */
package dev.credrift.notifier.metrics;
