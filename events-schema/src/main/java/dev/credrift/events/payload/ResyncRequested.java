package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * The watcher asks for a full look at a binding, so that drift that happened while nobody watched
 * is found.
 */
public record ResyncRequested(BindingId bindingId, Reason reason) implements EventPayload {

    /** Validates like {@code dev.credrift.observation.resync.v1.json}. */
    public ResyncRequested {
        Check.required(bindingId, "bindingId");
        Check.required(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.RESYNC_REQUESTED;
    }

    /** Why the resync. */
    public enum Reason {
        /** The watcher's caches synced for the first time after a start. */
        STARTUP,
        /** The periodic resync timer fired. */
        PERIODIC
    }
}
