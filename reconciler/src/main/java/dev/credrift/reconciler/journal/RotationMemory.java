package dev.credrift.reconciler.journal;

import dev.credrift.api.status.RotationStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rotation schedule remembers between handlings, beside the open or last rotation's journal.
 *
 * @param keyFingerprint the authority's fingerprint (never the key) when {@code keySince} was recorded
 * @param keySince       since when credrift has seen that key: the age a schedule counts from until a rotation of
 *                       credrift's completes (MinIO and RGW report no key creation time); a new fingerprint (a
 *                       rotation by someone else) starts the count again
 * @param lastRequest    the {@code credrift.dev/rotate-now} token acted on last, whatever the decision was (a refused
 *                       or observed request too): the same token never acts twice
 * @param announced      the due time whose plan (Observe) or refusal was published: said once, not every handling
 * @param outcome        what status last said of a decision that opened no rotation (Observed, Refused): it stays
 *                       on show until the next one, so {@code credrift rotate --wait} sees how its request ended
 */
public record RotationMemory(
        String keyFingerprint, Instant keySince, String lastRequest, Instant announced, RotationStatus outcome) {

    public static final RotationMemory NONE = new RotationMemory(null, null, null, null, null);

    /** Keeps the key's first sighting while the authority holds {@code fingerprint}; a new key counts from {@code now}. */
    public RotationMemory seen(String fingerprint, Instant now) {
        Objects.requireNonNull(now, "now");
        if (fingerprint == null || fingerprint.equals(keyFingerprint)) {
            return this;
        }
        return new RotationMemory(fingerprint, now, lastRequest, announced, outcome);
    }

    public RotationMemory withLastRequest(String token) {
        return new RotationMemory(keyFingerprint, keySince, token, announced, outcome);
    }

    public RotationMemory withAnnounced(Instant due) {
        return new RotationMemory(keyFingerprint, keySince, lastRequest, due, outcome);
    }

    public RotationMemory withOutcome(RotationStatus shown) {
        return new RotationMemory(keyFingerprint, keySince, lastRequest, announced, shown);
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(keySince);
    }
}
