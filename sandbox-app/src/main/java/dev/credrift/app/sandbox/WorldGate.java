package dev.credrift.app.sandbox;

import java.util.Optional;

/**
 * Whether a built-in world runs on this machine: a world whose store is a real Ceph RGW needs the Ceph binaries.
 * Without them it is skipped, saying how to install them — except on CI ({@code CI=true}), where it fails, so that
 * a CI machine without Ceph never passes the RGW twin by skipping it (as the real-RGW test tier does).
 */
sealed interface WorldGate {

    /** The world can start here. */
    record Run() implements WorldGate {}

    /** The world cannot start here; not a failure. */
    record Skip(String reason) implements WorldGate {}

    /** The world cannot start here, and must (CI). */
    record Fail(String reason) implements WorldGate {}

    /**
     * @param unavailable why the world cannot start here (e.g. {@code WorldStore.unavailableReason}), if it cannot
     * @param ci          whether this is a CI run ({@code CI=true})
     */
    static WorldGate decide(Optional<String> unavailable, boolean ci) {
        if (unavailable.isEmpty()) {
            return new Run();
        }
        return ci ? new Fail("CI=true, and " + unavailable.get()) : new Skip(unavailable.get());
    }
}
