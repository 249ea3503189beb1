package dev.credrift.sandbox.emulate.eso;

/** The provider could not deliver a value; the message names items, fields and HTTP statuses, never a value. */
final class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    ProviderException(String message) {
        super(message);
    }

    ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
