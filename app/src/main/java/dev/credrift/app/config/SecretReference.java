package dev.credrift.app.config;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.notifier.config.SecretSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a secret is kept — a file (a mounted Kubernetes Secret key) or an environment variable — never the secret.
 * The configuration holds only these; values are read when a role starts.
 */
public sealed interface SecretReference {

    /** Where the secret is, for messages: never the secret. */
    String describe();

    /** The same reference as the notifier takes it. */
    SecretSource toSecretSource();

    /**
     * Reads the secret; one trailing line break (what {@code kubectl create secret --from-file} and editors leave)
     * is dropped.
     *
     * @param field names the configuration field in an error
     * @throws SecretUnavailableException naming the field and the file or variable, never a value
     */
    SecretValue read(String field, Function<String, String> environment);

    record File(Path path) implements SecretReference {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }

        @Override
        public SecretSource toSecretSource() {
            return SecretSource.file(path);
        }

        @Override
        public SecretValue read(String field, Function<String, String> environment) {
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new SecretUnavailableException(
                        field,
                        "cannot be read from " + describe() + " ("
                                + e.getClass().getSimpleName() + ")");
            }
            return nonEmpty(field, describe(), trimOneLineBreak(text));
        }
    }

    record Env(String variable) implements SecretReference {
        public Env {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }

        @Override
        public SecretSource toSecretSource() {
            return SecretSource.env(variable);
        }

        @Override
        public SecretValue read(String field, Function<String, String> environment) {
            String text = environment.apply(variable);
            if (text == null) {
                throw new SecretUnavailableException(field, "is not set: " + describe() + " is missing");
            }
            return nonEmpty(field, describe(), trimOneLineBreak(text));
        }
    }

    private static String trimOneLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static SecretValue nonEmpty(String field, String where, String text) {
        if (text.isEmpty()) {
            throw new SecretUnavailableException(field, "is empty in " + where);
        }
        return SecretValue.of(text);
    }
}
