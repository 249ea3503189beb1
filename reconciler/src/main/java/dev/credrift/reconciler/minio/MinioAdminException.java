package dev.credrift.reconciler.minio;

import java.util.Objects;

/**
 * A MinIO admin call that failed, typed. The message names the endpoint, the operation and MinIO's error code, never
 * a credential or a raw response body (MinIO's messages may echo a request).
 */
public final class MinioAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The admin Secret is missing, or lacks a key, or holds an empty value. */
        ADMIN_SECRET_UNREADABLE(false),
        /** MinIO does not accept the admin credential ({@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch}). */
        ADMIN_CREDENTIAL_REJECTED(false),
        /** The admin credential is valid but not allowed to manage service accounts ({@code AccessDenied}). */
        ADMIN_NOT_PERMITTED(false),
        /** MinIO says the service account exists already (a race with someone else, since we list first). */
        ACCOUNT_EXISTS(false),
        /** The policy the binding names is not one of MinIO's canned policies. */
        UNKNOWN_POLICY(false),
        /** MinIO refused the request with another error code. */
        REFUSED(false),
        /** MinIO answered something that is not what its admin API answers (cannot decrypt or parse it). */
        BAD_RESPONSE(false),
        /** MinIO is busy or not ready; worth another try. */
        UNAVAILABLE(true),
        /** MinIO was not reached. */
        UNREACHABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final String code;

    public MinioAdminException(Kind kind, String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** MinIO's error code, if it sent one (e.g. {@code InvalidAccessKeyId}). */
    public String code() {
        return code;
    }

    /** Whether another try later may succeed without anyone changing anything. */
    public boolean retryable() {
        return kind.retryable;
    }

    // no stack-trace noise from a third-party cause in logs: the message is the whole story
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
