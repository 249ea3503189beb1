package dev.credrift.reconciler.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * How the store is probed: the bounds of one probe, how long a verdict is reused, and when a binding is probed
 * again although nothing was observed.
 *
 * @param timeouts        bounds of one probe
 * @param cacheTtl        how long a verdict is reused per credential fingerprint and target
 * @param identityRecheck how often a role-based binding (web identity) is exchanged and probed again: its trust
 *                        policy lives outside the cluster, so no observation says when it changed
 * @param storeRecheck    how soon a binding is probed again (bypassing the cache) while the store refuses its
 *                        authority or lacks its account: reinstating a user is seen by no watcher (issue 12)
 */
public record Probing(ProbeTimeouts timeouts, Duration cacheTtl, Duration identityRecheck, Duration storeRecheck) {

    public Probing {
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(identityRecheck, "identityRecheck");
        Objects.requireNonNull(storeRecheck, "storeRecheck");
        if (identityRecheck.isNegative() || identityRecheck.isZero()) {
            throw new IllegalArgumentException("identityRecheck must be positive");
        }
        if (storeRecheck.isNegative() || storeRecheck.isZero()) {
            throw new IllegalArgumentException("storeRecheck must be positive");
        }
    }

    /** Store-side refusals probed again every 30 s (see {@link #DEFAULT_STORE_RECHECK}). */
    public Probing(ProbeTimeouts timeouts, Duration cacheTtl, Duration identityRecheck) {
        this(timeouts, cacheTtl, identityRecheck, DEFAULT_STORE_RECHECK);
    }

    /** Role-based bindings verified again every 5 minutes. */
    public Probing(ProbeTimeouts timeouts, Duration cacheTtl) {
        this(timeouts, cacheTtl, Duration.ofMinutes(5));
    }

    /**
     * A refused authority is an alert that stays until the store changes; 30 s keeps a stale "rejected" short
     * (well under a human's reaction to the alert) for one cheap probe per refused binding per interval.
     */
    public static final Duration DEFAULT_STORE_RECHECK = Duration.ofSeconds(30);

    public static Probing defaults() {
        return new Probing(ProbeTimeouts.DEFAULT, Duration.ofSeconds(30));
    }

    public Probing withIdentityRecheck(Duration every) {
        return new Probing(timeouts, cacheTtl, every, storeRecheck);
    }

    public Probing withStoreRecheck(Duration every) {
        return new Probing(timeouts, cacheTtl, identityRecheck, every);
    }
}
