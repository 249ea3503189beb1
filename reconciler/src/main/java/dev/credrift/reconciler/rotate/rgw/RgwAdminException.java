package dev.credrift.reconciler.rotate.rgw;

import dev.credrift.reconciler.minio.StoreAdminException;
import java.util.Objects;

/**
 * An Admin Ops call that failed, typed. The message names the endpoint, the operation, the uid, masked access keys
 * and RGW's error code, never a secret or a raw response body (RGW's key listings carry secrets).
 */
public final class RgwAdminException extends StoreAdminException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** RGW does not accept the admin credential ({@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch}). */
        ADMIN_CREDENTIAL_REJECTED(false),
        /** The admin credential is valid but lacks the {@code users=*} cap ({@code AccessDenied}). */
        ADMIN_NOT_PERMITTED(false),
        /** The store user does not exist ({@code NoSuchUser}). */
        NO_SUCH_USER(false),
        /** RGW refused the request with another error code. */
        REFUSED(false),
        /** RGW answered something the Admin Ops API does not answer (not the expected JSON, or a surprise). */
        BAD_RESPONSE(false),
        /** RGW is busy or failing; worth another try. */
        UNAVAILABLE(true),
        /** RGW was not reached. */
        UNREACHABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;

    public RgwAdminException(Kind kind, String code, String message) {
        super(code, message, Objects.requireNonNull(kind, "kind").retryable);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
