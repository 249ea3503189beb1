package dev.credrift.watcher.resource;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.validation.ValidationResult;
import dev.credrift.api.validation.Violation;
import java.util.List;

/** A CredentialBinding as read from the API: readable (and then valid or not), or not readable at all. */
public sealed interface BindingRead {

    /** Every problem found, in the validator's form ({@code path: message}). */
    List<Violation> violations();

    /** Whether the binding can be acted on: readable and without errors. */
    default boolean valid() {
        return violations().stream().noneMatch(Violation::isError);
    }

    /** The spec could be read; {@code validation} says whether it is valid. */
    record Readable(CredentialBinding binding, ValidationResult validation) implements BindingRead {
        @Override
        public List<Violation> violations() {
            return validation.violations();
        }
    }

    /** The spec could not even be read into the model, e.g. a string where a list belongs. */
    record Unreadable(Violation violation) implements BindingRead {
        @Override
        public List<Violation> violations() {
            return List.of(violation);
        }
    }
}
