package dev.credrift.reconciler.assess;

/** How a hop compares with the authority's credential. */
public enum HopMatch {
    /** It holds the authority's credential. */
    MATCHES,
    /** It holds another credential, or none yet (empty fields, a replica Secret not created or missing keys). */
    DIFFERS,
    /** It could not be read, so there is no telling (a missing 1Password item or ExternalSecret, no access). */
    UNREADABLE
}
