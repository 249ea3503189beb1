package dev.credrift.reconciler.assess;

import dev.credrift.events.credential.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * The replica as last seen: its fingerprint and when it changed to it ({@link Instant#EPOCH} when unknown, which
 * makes no pod stale by age). Journaled, so the change time survives restarts.
 */
public record ReplicaMark(Fingerprint fingerprint, Instant changedAt) {

    public ReplicaMark {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
