package dev.credrift.reconciler;

/**
 * A snapshot for health checks and tests.
 *
 * @param recordsInFlight observation records received whose handling is not durable yet
 * @param bindingsBusy    bindings being handled or waiting for a bulkhead permit
 */
public record ReconcilerStats(int recordsInFlight, int bindingsBusy) {}
