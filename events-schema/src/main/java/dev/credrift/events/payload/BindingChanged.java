package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * A CredentialBinding was created, updated or deleted.
 *
 * @param generation {@code metadata.generation} as last seen (for a deletion, the last one)
 */
public record BindingChanged(BindingId bindingId, Change change, long generation) implements EventPayload {

    /** Validates like {@code dev.credrift.observation.binding-changed.v1.json}. */
    public BindingChanged {
        Check.required(bindingId, "bindingId");
        Check.required(change, "change");
        Check.atLeast(generation, 1, "generation");
    }

    @Override
    public EventType type() {
        return EventType.BINDING_CHANGED;
    }

    /** What happened to the binding. */
    public enum Change { CREATED, UPDATED, DELETED }
}
