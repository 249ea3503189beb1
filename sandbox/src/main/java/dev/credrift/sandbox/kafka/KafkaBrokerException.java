package dev.credrift.sandbox.kafka;

/** A broker could not be started, or was configured with settings it refused. */
public class KafkaBrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KafkaBrokerException(String message, Throwable cause) {
        super(message, cause);
    }

    public KafkaBrokerException(String message) {
        super(message);
    }
}
