package dev.credrift.app.audit;

/** The audit topic could not be read to its end: unreachable broker, missing topic, or too slow. */
public final class AuditReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
