/**
 * Consuming {@code credrift.observations} in a consumer group. Every observation is only a nudge: it puts its
 * binding in a {@link dev.credrift.reconciler.consume.BindingLanes lane}, where one handling at a time runs, in
 * order, while other bindings run concurrently up to a bulkhead; nudges that arrive while a binding is busy
 * coalesce into one more handling (the reconciler reads the world itself, so the latest look is all that counts).
 * Offsets are committed by hand, and only up to the first record whose handling is not yet durable ({@link
 * dev.credrift.reconciler.consume.OffsetTracker}); records that do not decode go to the dead-letter topic with the
 * reason.
 */
package dev.credrift.reconciler.consume;
