package dev.credrift.reconciler.probe;

import dev.credrift.events.payload.StoreVerdict;
import java.util.Objects;

/**
 * What the store said about one credential when asked to list one object of the bucket. Every detail
 * is written for a human and names no secret (only the endpoint, bucket, certificate facts and S3 error
 * codes). {@link #tlsUnverified()} is {@code true} when the binding asked for {@code insecureSkipVerify}:
 * the answer then came from a store whose identity was not checked, and status must say so.
 */
public sealed interface ProbeVerdict {

    /** What status and logs should print next to any verdict reached without TLS verification. */
    String TLS_UNVERIFIED_WARNING =
            "TLS verification is OFF (insecureSkipVerify): the store's identity was not checked";

    /** Whether the store's certificate went unchecked because the binding asked for it. */
    boolean tlsUnverified();

    /** Whether the store accepted the credential. */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The verdict as events carry it. A {@link Rejected} with {@link Rejected.Reason#OTHER} becomes
     * {@link StoreVerdict#ACCESS_DENIED}: the store refused, for a reason the event schema has no name for.
     */
    StoreVerdict storeVerdict();

    /** The store listed the bucket with this credential. */
    record Accepted(boolean tlsUnverified) implements ProbeVerdict {

        @Override
        public StoreVerdict storeVerdict() {
            return StoreVerdict.ACCEPTED;
        }

        @Override
        public String toString() {
            return "Accepted" + warning(tlsUnverified);
        }
    }

    /**
     * The store answered with an S3 error.
     *
     * @param reason the error, classified
     * @param code the S3 error code as sent (e.g. {@code InvalidAccessKeyId}, or {@code AccountProblem} for OTHER)
     * @param httpStatus the HTTP status (403, 404, ...)
     */
    record Rejected(Reason reason, String code, int httpStatus, boolean tlsUnverified) implements ProbeVerdict {

        /** The S3 errors credrift acts on, and everything else. */
        public enum Reason {
            /** The access key id does not exist (deleted, rotated away, never created). */
            INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", StoreVerdict.INVALID_ACCESS_KEY_ID),
            /** The access key exists but the secret is not its secret. */
            SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", StoreVerdict.SIGNATURE_DOES_NOT_MATCH),
            /** The credential is valid but may not list this bucket. */
            ACCESS_DENIED("AccessDenied", StoreVerdict.ACCESS_DENIED),
            /** The user owning the key is suspended (RGW). */
            USER_SUSPENDED("UserSuspended", StoreVerdict.USER_SUSPENDED),
            /** The bucket does not exist. */
            NO_SUCH_BUCKET("NoSuchBucket", StoreVerdict.NO_SUCH_BUCKET),
            /** Any other S3 error code. */
            OTHER("", StoreVerdict.ACCESS_DENIED);

            private final String code;
            private final StoreVerdict storeVerdict;

            Reason(String code, StoreVerdict storeVerdict) {
                this.code = code;
                this.storeVerdict = storeVerdict;
            }

            /** The reason for an S3 error code; {@link #OTHER} for codes not listed. */
            public static Reason fromCode(String code) {
                for (Reason reason : values()) {
                    if (reason != OTHER && reason.code.equals(code)) {
                        return reason;
                    }
                }
                return OTHER;
            }
        }

        /** Requires a reason and a code. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public StoreVerdict storeVerdict() {
            return reason.storeVerdict;
        }

        @Override
        public String toString() {
            return "Rejected[" + code + ", HTTP " + httpStatus + "]" + warning(tlsUnverified);
        }
    }

    /**
     * The TLS handshake failed, so the store was never asked.
     *
     * @param reason why, classified
     * @param detail for a human: what the certificate says and what was expected
     */
    record TlsFailure(Reason reason, String detail, boolean tlsUnverified) implements ProbeVerdict {

        /** Why the store's certificate was refused. */
        public enum Reason {
            /** Not signed by a trusted CA (wrong or missing CA bundle). */
            UNKNOWN_CA,
            /** Outside its validity period. */
            EXPIRED,
            /** Valid, but not for the host name (or {@code serverName}) used. */
            HOSTNAME_MISMATCH,
            /** Anything else: protocol mismatch, plain HTTP on an HTTPS URL, not yet valid, ... */
            OTHER
        }

        /** Requires a reason and a detail. */
        public TlsFailure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public StoreVerdict storeVerdict() {
            return StoreVerdict.TLS_FAILURE;
        }

        @Override
        public String toString() {
            return "TlsFailure[" + reason + ": " + detail + "]" + warning(tlsUnverified);
        }
    }

    /**
     * No judgement could be had: the store could not be reached, timed out, or answered something that is
     * not an S3 answer (a 5xx, an HTML page).
     *
     * @param detail for a human: what happened
     */
    record Unreachable(String detail, boolean tlsUnverified) implements ProbeVerdict {

        /** Requires a detail. */
        public Unreachable {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public StoreVerdict storeVerdict() {
            return StoreVerdict.UNREACHABLE;
        }

        @Override
        public String toString() {
            return "Unreachable[" + detail + "]" + warning(tlsUnverified);
        }
    }

    private static String warning(boolean tlsUnverified) {
        return tlsUnverified ? " (" + TLS_UNVERIFIED_WARNING + ")" : "";
    }
}
