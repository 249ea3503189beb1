package dev.credrift.sandbox.emulate.probe;

/** What the store said to one credential. Never holds the credential. */
public sealed interface ProbeResult {

    /** Whether the store let the credential list the bucket. */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /** A short reason for logs and pod health: the S3 error code, the TLS reason, or "unreachable". */
    String summary();

    /** The store listed the bucket. */
    record Accepted() implements ProbeResult {
        @Override
        public String summary() {
            return "accepted";
        }
    }

    /**
     * The store refused with an S3 error.
     *
     * @param code       the S3 error code, e.g. {@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch}
     * @param httpStatus the HTTP status, e.g. 403
     */
    record Rejected(String code, int httpStatus) implements ProbeResult {
        @Override
        public String summary() {
            return code + " (HTTP " + httpStatus + ")";
        }
    }

    /**
     * The TLS handshake failed.
     *
     * @param reason why, as a client would classify it
     * @param detail the JDK's message, which names certificates and hosts only
     */
    record TlsFailure(TlsReason reason, String detail) implements ProbeResult {
        @Override
        public String summary() {
            return "TLS " + reason;
        }
    }

    /**
     * No answer from the store.
     *
     * @param detail the I/O error
     */
    record Unreachable(String detail) implements ProbeResult {
        @Override
        public String summary() {
            return "unreachable: " + detail;
        }
    }

    /** Why a TLS handshake failed. */
    enum TlsReason {
        /** The chain does not lead to a trusted CA. */
        UNKNOWN_CA,
        /** The certificate is outside its validity window. */
        EXPIRED,
        /** The certificate does not name the host (or server name) asked for. */
        NAME_MISMATCH,
        /** Anything else (protocol, cipher). */
        OTHER
    }
}
