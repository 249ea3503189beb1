package dev.credrift.sandbox.emulate;

import java.time.Clock;
import java.time.Duration;

/**
 * Time for the emulators: what "now" is and a periodic tick. Worlds use {@link RealTimeScheduler}; tests use
 * {@link ManualScheduler} and move time forward themselves, so an hour-long {@code refreshInterval} takes no time.
 */
public interface EmulatorScheduler extends AutoCloseable {

    /** The clock every emulator reads "now" from. */
    Clock clock();

    /**
     * Runs {@code task} every {@code period}, first after one period. A task that throws is logged and keeps
     * its schedule.
     */
    Cancellable every(Duration period, Runnable task);

    /** Stops every task. */
    @Override
    void close();
}
