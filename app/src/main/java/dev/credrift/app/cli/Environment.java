package dev.credrift.app.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment as a lookup, so commands can read {@code CREDRIFT_*} variables and tests can supply
 * their own without touching the real environment.
 */
@FunctionalInterface
public interface Environment {

    /** The variable's value, if set and not blank. */
    Optional<String> get(String name);

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name)).filter(value -> !value.isBlank());
    }
}
