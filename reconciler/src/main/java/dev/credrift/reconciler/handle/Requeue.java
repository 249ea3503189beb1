package dev.credrift.reconciler.handle;

import dev.credrift.events.BindingId;
import java.time.Duration;

/**
 * Asks for another handling of a binding later: the one way the handler schedules its own future (retries, rechecks,
 * deferrals, the next rotation stage). The reconciler keeps at most one pending timer per binding, the earliest.
 */
@FunctionalInterface
public interface Requeue {

    /** Handles {@code id} again (trigger {@code TIMER}) after {@code delay}. */
    void after(BindingId id, Duration delay);
}
