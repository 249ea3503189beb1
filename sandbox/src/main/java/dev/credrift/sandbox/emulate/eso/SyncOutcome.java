package dev.credrift.sandbox.emulate.eso;

import java.time.Instant;

/** What one reconcile of an ExternalSecret did. Never holds a value. */
public sealed interface SyncOutcome {

    /** When it happened. */
    Instant at();

    /** The ExternalSecret no longer exists or is being deleted. */
    record Gone(Instant at) implements SyncOutcome {}

    /**
     * ESO decided not to fetch.
     *
     * @param why e.g. "not due: refreshed at …, interval 1h"
     */
    record Skipped(Instant at, String why) implements SyncOutcome {}

    /**
     * Fetched from 1Password and wrote (or left, when equal) the target Secret; {@code Ready=True SecretSynced}.
     *
     * @param secretChanged whether the target Secret's content changed
     */
    record Synced(Instant at, boolean secretChanged) implements SyncOutcome {}

    /**
     * {@code Ready=False SecretSyncedError}.
     *
     * @param message why, without values
     */
    record Failed(Instant at, String message) implements SyncOutcome {}
}
