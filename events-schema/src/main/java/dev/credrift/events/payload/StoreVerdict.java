package dev.credrift.events.payload;

/** What the store said when probed with the authority's credential (a GET listing one object). */
public enum StoreVerdict {
    ACCEPTED,
    INVALID_ACCESS_KEY_ID,
    SIGNATURE_DOES_NOT_MATCH,
    ACCESS_DENIED,
    USER_SUSPENDED,
    NO_SUCH_BUCKET,
    TLS_FAILURE,
    UNREACHABLE
}
