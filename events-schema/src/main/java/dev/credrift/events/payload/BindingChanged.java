package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.util.List;

/**
 * A CredentialBinding was created, updated or deleted.
 *
 * @param generation {@code metadata.generation} as last seen (for a deletion, the last one)
 * @param problems   what is wrong with the spec as the validator found it (field path and message, never a value);
 *                   empty for a valid spec or a deletion
 */
public record BindingChanged(BindingId bindingId, Change change, long generation, List<Problem> problems)
        implements EventPayload {

    /** Validates like {@code dev.credrift.observation.binding-changed.v1.json}. */
    public BindingChanged {
        Check.required(bindingId, "bindingId");
        Check.required(change, "change");
        Check.atLeast(generation, 1, "generation");
        problems = Check.list(problems == null ? List.of() : problems, "problems");
    }

    /** A change of a valid spec, or a deletion. */
    public BindingChanged(BindingId bindingId, Change change, long generation) {
        this(bindingId, change, generation, List.of());
    }

    @Override
    public EventType type() {
        return EventType.BINDING_CHANGED;
    }

    /** What happened to the binding. */
    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }
}
