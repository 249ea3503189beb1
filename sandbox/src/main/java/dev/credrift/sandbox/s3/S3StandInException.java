package dev.credrift.sandbox.s3;

/** The S3 stand-in could not start, stop or restart. */
public final class S3StandInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    S3StandInException(String message, Throwable cause) {
        super(message, cause);
    }
}
