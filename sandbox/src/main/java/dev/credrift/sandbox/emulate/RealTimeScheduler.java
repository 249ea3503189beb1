package dev.credrift.sandbox.emulate;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall-clock ticks on one daemon thread. Tasks should only hand work to a {@link ControllerLoop}: they share it. */
public final class RealTimeScheduler implements EmulatorScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimeScheduler.class);

    private final Clock clock;
    private final ScheduledExecutorService executor;

    /** Ticks by the system UTC clock. */
    public RealTimeScheduler() {
        this(Clock.systemUTC());
    }

    /** Ticks in real time while emulators read "now" from {@code clock}. */
    public RealTimeScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-emulator-ticks");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        long millis = requirePositive(period).toMillis();
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("emulator tick failed: {}", e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static Duration requirePositive(Duration period) {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("tick period must be positive, got " + period);
        }
        return period;
    }
}
