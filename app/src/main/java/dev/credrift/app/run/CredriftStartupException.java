package dev.credrift.app.run;

/** {@code credrift run} could not start; the message says which part failed and why. */
public final class CredriftStartupException extends RuntimeException {

    public CredriftStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
