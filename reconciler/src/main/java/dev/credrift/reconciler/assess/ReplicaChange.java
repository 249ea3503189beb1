package dev.credrift.reconciler.assess;

import dev.credrift.events.credential.Fingerprint;
import java.time.Instant;
import java.util.Optional;

/** When did the replica last change? See the package documentation for the rule. Pure. */
public final class ReplicaChange {

    private ReplicaChange() {}

    /**
     * @param current       the replica's fingerprint now, if it holds a credential
     * @param known         the journaled mark, if any
     * @param lastManagedAt the newest {@code managedFields} time, if the API server keeps them
     * @param createdAt     the replica Secret's {@code creationTimestamp}, if reported
     * @param now           when this assessment runs
     * @return the mark to journal (unchanged when nothing moved), or empty when the replica holds no credential
     */
    public static Optional<ReplicaMark> mark(
            Optional<Fingerprint> current,
            Optional<ReplicaMark> known,
            Optional<Instant> lastManagedAt,
            Optional<Instant> createdAt,
            Instant now) {
        if (current.isEmpty()) {
            return known;
        }
        Fingerprint fingerprint = current.get();
        if (known.isPresent() && known.get().fingerprint().equals(fingerprint)) {
            return known;
        }
        if (known.isPresent()) {
            Instant previous = known.get().changedAt();
            Instant changedAt = lastManagedAt
                    .filter(t -> t.isAfter(previous) && !t.isAfter(now))
                    .orElse(now);
            return Optional.of(ReplicaMark.observed(fingerprint, changedAt));
        }
        Instant firstSight =
                lastManagedAt.or(() -> createdAt).filter(t -> !t.isAfter(now)).orElse(Instant.EPOCH);
        return Optional.of(ReplicaMark.firstSight(fingerprint, firstSight));
    }
}
