package dev.credrift.reconciler.minio;

import java.util.Objects;

/**
 * A MinIO admin call that failed, typed. The message names the endpoint, the operation and MinIO's error code, never
 * a credential or a raw response body (MinIO's messages may echo a request).
 */
public final class MinioAdminException extends StoreAdminException {

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

    public MinioAdminException(Kind kind, String code, String message) {
        super(code, message, Objects.requireNonNull(kind, "kind").retryable);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
