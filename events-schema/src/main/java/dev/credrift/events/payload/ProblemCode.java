package dev.credrift.events.payload;

/** What is wrong with an observed object, as a stable code. */
public enum ProblemCode {
    /** The object does not exist (Secret, ExternalSecret, 1Password item, workload). */
    MISSING_OBJECT,
    /** The object exists but lacks a key or field the binding names. */
    MISSING_KEY,
    /** The key exists but its value is empty. */
    EMPTY_DATA,
    /** The value is not valid UTF-8, so it cannot be a credential. */
    NOT_UTF8,
    /** An ExternalSecret or binding names no target Secret, or no consumer could be found. */
    NO_TARGET,
    /** A value is present but malformed (an Endpoint that is not a URL, say). */
    INVALID_VALUE,
    /** credrift may not read the object (RBAC, 1Password token scope). */
    FORBIDDEN,
    /** The system holding the object did not answer. */
    UNREACHABLE
}
