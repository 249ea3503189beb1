package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.plan.Plan;
import java.time.Duration;
import java.util.Optional;

/** What one handling of a binding does, decided by {@link Decider} before anything is done. */
sealed interface Decision {

    /** Report the status; no remediation runs now. */
    record StatusOnly() implements Decision {}

    /** Start a new remediation with this plan. */
    record Start(Plan plan) implements Decision {}

    /** Resume the open remediation at its first step not done. */
    record Resume(OpenRemediation open) implements Decision {}

    /** The authority moved on under the open remediation: it ends superseded, and a new plan follows. */
    record Supersede(OpenRemediation open, Optional<Fingerprint> current) implements Decision {}

    /** Give the open remediation up (it may not be resumed), then decide again without it. */
    record Abandon(OpenRemediation open, String why) implements Decision {}

    /** A budget or a backoff says not yet: look again after {@code retryIn} (the open remediation, if any, stays). */
    record Defer(Duration retryIn) implements Decision {}

    /** The last remediation failed for good on the same evidence: nothing starts until the spec or a hop changes. */
    record WaitForEvidence(String code) implements Decision {}
}
