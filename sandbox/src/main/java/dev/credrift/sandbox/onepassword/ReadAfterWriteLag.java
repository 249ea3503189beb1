package dev.credrift.sandbox.onepassword;

import java.time.Duration;
import java.util.Objects;

/**
 * How long, after a change, reads of an item still return its previous version, as a real Connect
 * server does while it syncs: for a time window (on the emulator's clock), for a number of reads, or
 * both (stale while either holds).
 */
public record ReadAfterWriteLag(Duration window, int reads) {

    public ReadAfterWriteLag {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || reads < 0) {
            throw new IllegalArgumentException("lag must not be negative");
        }
    }

    /** Reads always see the latest version. */
    public static ReadAfterWriteLag none() {
        return new ReadAfterWriteLag(Duration.ZERO, 0);
    }

    /** Reads within {@code window} after a change see the previous version. */
    public static ReadAfterWriteLag forDuration(Duration window) {
        return new ReadAfterWriteLag(window, 0);
    }

    /** The first {@code reads} item reads after a change see the previous version. */
    public static ReadAfterWriteLag forReads(int reads) {
        return new ReadAfterWriteLag(Duration.ZERO, reads);
    }
}
