package dev.credrift.sandbox.world.spec;

import java.time.Duration;

/**
 * Timing of a world's emulators.
 *
 * @param tick             how often the emulators re-evaluate everything
 * @param probePeriod      how often consumer pods probe the store
 * @param crashLoopBackOff first restart back-off of crash-looping consumers
 * @param crashLoopBackOffMax back-off cap
 * @param settleTimeout    how long {@code World.start} waits for the initial state to settle
 * @param expectWithin     the default deadline of expectations
 */
public record WorldSettings(
        Duration tick,
        Duration probePeriod,
        Duration crashLoopBackOff,
        Duration crashLoopBackOffMax,
        Duration settleTimeout,
        Duration expectWithin) {

    /** Quick enough for a story told in seconds. */
    public static WorldSettings defaults() {
        return new WorldSettings(
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }
}
