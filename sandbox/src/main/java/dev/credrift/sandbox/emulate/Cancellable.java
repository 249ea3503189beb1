package dev.credrift.sandbox.emulate;

/** A scheduled task that can be stopped; cancelling twice is harmless. */
@FunctionalInterface
public interface Cancellable {

    /** Stops future runs; a run in progress finishes. */
    void cancel();
}
