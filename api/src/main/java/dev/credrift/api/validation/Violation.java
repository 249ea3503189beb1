package dev.credrift.api.validation;

import java.util.Objects;

/**
 * One problem with a spec.
 *
 * @param path     the field, e.g. {@code spec.vault.onePassword.item} or {@code spec.consumers[1].kind}
 * @param message  what is wrong, in terms of fields and allowed values, never the value found
 * @param severity an {@link Severity#ERROR} makes the binding invalid; a {@link Severity#WARNING} does not
 */
public record Violation(String path, String message, Severity severity) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public static Violation error(String path, String message) {
        return new Violation(path, message, Severity.ERROR);
    }

    public static Violation warning(String path, String message) {
        return new Violation(path, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path: message}, the form used in condition messages and logs. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
