package dev.credrift.reconciler.consume;

/** Why a binding is handled. */
public enum Trigger {
    /** A retry or deferral timer fired: respects the binding's backoff. */
    TIMER,
    /** The reconciler started and the journal had open work for the binding. */
    STARTUP,
    /** An observation arrived: skips the backoff (something changed, look now). */
    OBSERVATION;

    /** The stronger of two coalesced triggers. */
    public Trigger merge(Trigger other) {
        return other == null || ordinal() >= other.ordinal() ? this : other;
    }
}
