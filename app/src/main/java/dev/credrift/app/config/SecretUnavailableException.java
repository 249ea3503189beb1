package dev.credrift.app.config;

/** A configured secret could not be read at start: names the field and where it should be, never a value. */
public final class SecretUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnavailableException(String field, String problem) {
        super(field + ": " + problem);
    }
}
