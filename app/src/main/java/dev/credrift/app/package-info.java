/**
 * The {@code credrift} command: CLI, configuration, HTTP health, readiness and metrics.
 */
package dev.credrift.app;
