package dev.credrift.reconciler.handle;

import dev.credrift.reconciler.resilience.RetryPolicy;
import java.time.Duration;

/**
 * @param retry          when failed remediations are tried again, and when repeated failure halts
 * @param startingRecheck how soon to look again at a binding whose consumers are starting
 * @param identityRecheck how often a role-based binding is verified again: its trust policy lives outside the
 *                        cluster, so no observation tells when it changes
 * @param flapping        how many superseded remediations in what time mean the source is flapping
 * @param storeRecheck    how soon a binding whose only evidence is the store's refusal is probed again: the store
 *                        changing back (a reinstated user) is seen by no watcher
 */
public record HandlerSettings(
        RetryPolicy retry,
        Duration startingRecheck,
        Duration identityRecheck,
        Flapping flapping,
        Duration storeRecheck) {

    /** Store-side refusals probed again every 30 s. */
    public HandlerSettings(RetryPolicy retry, Duration startingRecheck, Duration identityRecheck, Flapping flapping) {
        this(retry, startingRecheck, identityRecheck, flapping, Duration.ofSeconds(30));
    }

    /** Role-based bindings verified again every 5 minutes. */
    public HandlerSettings(RetryPolicy retry, Duration startingRecheck) {
        this(retry, startingRecheck, Duration.ofMinutes(5), Flapping.defaults());
    }
}
