package dev.credrift.reconciler.assess;

/** How a hop compares with the authority's credential. */
public enum HopMatch {
    /** It holds the authority's credential. */
    MATCHES,
    /** It holds another credential, or none yet (empty fields, a replica Secret not created or missing keys). */
    DIFFERS,
    /** It could not be read, so there is no telling (a missing 1Password item or ExternalSecret, no access). */
    UNREADABLE,
    /** The binding declares no such hop: a role-based binding has no static copy to keep (stories 4 and 5). */
    ABSENT
}
