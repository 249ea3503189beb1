package dev.credrift.api.access;

import java.util.Locale;

/** A Kubernetes RBAC verb, as an API request maps to it. */
public enum Verb {
    GET,
    LIST,
    WATCH,
    CREATE,
    UPDATE,
    PATCH,
    DELETE;

    /** The verb as RBAC spells it ({@code get}, {@code list}, …). */
    public String rbac() {
        return name().toLowerCase(Locale.ROOT);
    }
}
