package dev.credrift.watcher.index;

import dev.credrift.events.payload.EventType;

/** One aspect of a binding that an observation reports on; each maps to one observation event type. */
public enum Facet {
    /** The binding itself was created, changed or deleted. */
    BINDING(EventType.BINDING_CHANGED),
    /** The source Secret (Rook's user Secret, or a Secret the binding names). */
    SOURCE(EventType.SOURCE_SECRET_OBSERVED),
    /** The ExternalSecret's spec and status. */
    EXTERNAL_SECRET(EventType.EXTERNAL_SECRET_OBSERVED),
    /** The replica Secret the ExternalSecret writes. */
    REPLICA(EventType.REPLICA_SECRET_OBSERVED),
    /** The pods that read the replica. */
    CONSUMERS(EventType.CONSUMER_READINESS_OBSERVED),
    /** The 1Password item, as last polled (the vault cannot be watched). */
    VAULT(EventType.VAULT_ITEM_OBSERVED);

    private final EventType eventType;

    Facet(EventType eventType) {
        this.eventType = eventType;
    }

    /** The event an observation of this facet is published as. */
    public EventType eventType() {
        return eventType;
    }
}
