package dev.credrift.app.sandbox;

import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldReport;

/**
 * Sees each world of a {@code credrift sandbox} run come and go, while it is still up — for tests that need the
 * world itself (e.g. to learn its credentials and prove none of them leaked into any output).
 */
public interface WorldObserver {

    WorldObserver NONE = new WorldObserver() {};

    /** The world is up; credrift is not started yet. */
    default void worldStarted(World world) {}

    /** The world's story is over; the world is still up. */
    default void worldFinished(World world, WorldReport report) {}
}
