/**
 * The operator-facing HTTP endpoint of the {@code credrift} process: {@code /healthz}, {@code /readyz} and
 * Prometheus {@code /metrics}. Nothing here reaches Kafka on a request; it only reports what others measured.
 */
package dev.credrift.app.http;
