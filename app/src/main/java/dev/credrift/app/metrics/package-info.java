/**
 * The process's Micrometer registry, exposed in Prometheus format: JVM and process meters, Vert.x meters (HTTP
 * server, pools, event bus) and credrift's own.
 */
package dev.credrift.app.metrics;
