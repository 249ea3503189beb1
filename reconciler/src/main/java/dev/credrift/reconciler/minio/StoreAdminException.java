package dev.credrift.reconciler.minio;

import java.util.Objects;

/**
 * A store admin call (MinIO's admin API, RGW's Admin Ops) that failed. Each store's subclass says what went wrong in
 * its own {@code Kind}; the message names the endpoint, the operation and the store's error code, never a credential
 * or a raw response body (admin answers may echo a request or list secrets).
 */
public abstract class StoreAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean retryable;

    protected StoreAdminException(String code, String message, boolean retryable) {
        super(Objects.requireNonNull(message, "message"));
        this.code = code;
        this.retryable = retryable;
    }

    /** The store's error code, if it sent one (e.g. {@code InvalidAccessKeyId}, {@code NoSuchUser}). */
    public String code() {
        return code;
    }

    /** Whether another try later may succeed without anyone changing anything. */
    public boolean retryable() {
        return retryable;
    }

    // the message is the whole story; a third-party stack trace adds noise, not evidence
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
