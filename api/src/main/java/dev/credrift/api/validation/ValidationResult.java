package dev.credrift.api.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every violation found, in the order the spec is walked (mode, authority, source, vault, replica, consumers,
 * store, rollout, rotation, then rules across fields).
 */
public record ValidationResult(List<Violation> violations) {

    public ValidationResult {
        violations = List.copyOf(violations);
    }

    /** True when there is no error (warnings allowed). */
    public boolean isValid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** The errors as one line, {@code path: message; path: message}, for a {@code Valid=False} condition. */
    public String errorSummary() {
        return errors().stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
