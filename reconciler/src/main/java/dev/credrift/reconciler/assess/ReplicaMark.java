package dev.credrift.reconciler.assess;

import dev.credrift.events.credential.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * The replica as last seen: its fingerprint and when it changed to it ({@link Instant#EPOCH} when unknown, which
 * makes no pod stale by age). Journaled, so the change time survives restarts.
 *
 * @param inferred whether the change time was read from the Secret's metadata on first sight rather than observed
 *                 as a change of fingerprint: at install, pods and replica appear in the same second, and only an
 *                 observed change is proof enough to restart a ready pod started in that second. Journal entries
 *                 written before this field existed read as observed, the cautious side.
 */
public record ReplicaMark(Fingerprint fingerprint, Instant changedAt, boolean inferred) {

    public ReplicaMark {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A change credrift saw happen. */
    public static ReplicaMark observed(Fingerprint fingerprint, Instant changedAt) {
        return new ReplicaMark(fingerprint, changedAt, false);
    }

    /** A replica seen for the first time, its change time taken from its metadata. */
    public static ReplicaMark firstSight(Fingerprint fingerprint, Instant changedAt) {
        return new ReplicaMark(fingerprint, changedAt, true);
    }
}
