package dev.credrift.notifier.config;

import dev.credrift.events.credential.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a secret (a webhook URL, a signing key) comes from: a file (a mounted Kubernetes Secret key)
 * or an environment variable (a Secret exposed through {@code env.valueFrom}), or, for tests and
 * callers that resolved it themselves, a value. Describing a source never reveals the secret.
 */
public sealed interface SecretSource {

    /** A file whose content is the secret; one trailing line break is dropped. */
    record File(Path path) implements SecretSource {
        /** Requires the path. */
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /** An environment variable whose value is the secret. */
    record Env(String variable) implements SecretSource {
        /** Requires a variable name. */
        public Env {
            if (variable == null || variable.isBlank()) {
                throw new IllegalArgumentException("environment variable name must not be blank");
            }
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }

    /** A value already in memory. */
    record Value(SecretValue value) implements SecretSource {
        /** Requires the value. */
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "a value given in code";
        }
    }

    /** Reads the secret from a file. */
    static SecretSource file(Path path) {
        return new File(path);
    }

    /** Reads the secret from an environment variable. */
    static SecretSource env(String variable) {
        return new Env(variable);
    }

    /** Uses a secret already in memory. */
    static SecretSource value(SecretValue value) {
        return new Value(value);
    }

    /** Where the secret comes from, for messages: never the secret. */
    String describe();

    /**
     * Reads the secret.
     *
     * @param object the configured object, for the error message
     * @param field  the field, for the error message
     * @param env    the environment (normally {@code System::getenv})
     * @throws InvalidNotifierConfig if it cannot be read or is empty
     */
    default SecretValue resolve(String object, String field, Function<String, String> env) {
        String text;
        if (this instanceof File file) {
            try {
                text = Files.readString(file.path(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new InvalidNotifierConfig(
                        object,
                        field,
                        "cannot be read from " + describe() + " ("
                                + e.getClass().getSimpleName() + ")");
            }
        } else if (this instanceof Env variable) {
            text = env.apply(variable.variable());
            if (text == null) {
                throw new InvalidNotifierConfig(object, field, "is not set: " + describe() + " is missing");
            }
        } else {
            text = ((Value) this).value().reveal();
        }
        // a file written by hand, or `kubectl create secret --from-file`, often ends with a line break
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new InvalidNotifierConfig(object, field, "is empty in " + describe());
        }
        return SecretValue.of(text);
    }
}
