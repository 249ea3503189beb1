package dev.credrift.sandbox.emulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Time that moves only when a test says so: {@link #advance(Duration)} runs every tick that falls due, in time
 * order, on the caller's thread. With it an emulator's hour-long interval passes in microseconds and a test sees
 * exactly the ticks it caused.
 */
public final class ManualScheduler implements EmulatorScheduler {

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();

    /** Starts at {@code start}. */
    public ManualScheduler(Instant start) {
        this.clock = new ManualClock(start);
    }

    /** Starts at 2030-01-01T00:00:00Z. */
    public ManualScheduler() {
        this(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The clock, to move time without running ticks. */
    public ManualClock manualClock() {
        return clock;
    }

    @Override
    public synchronized Cancellable every(Duration period, Runnable task) {
        Task scheduled = new Task(
                RealTimeScheduler.requirePositive(period),
                Objects.requireNonNull(task, "task"),
                clock.instant().plus(period));
        tasks.add(scheduled);
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(scheduled);
            }
        };
    }

    /** Moves time forward by {@code duration}, running each due tick at its own moment. */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> !t.due.isAfter(target))
                        .min(Comparator.comparing(t -> t.due))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                clock.set(next.due);
                next.due = next.due.plus(next.period);
            }
            next.task.run();
        }
        clock.set(target);
    }

    /** When the next tick is due, if any task is scheduled. */
    public synchronized Optional<Instant> nextDue() {
        return tasks.stream().map(t -> t.due).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }

    private static final class Task {
        private final Duration period;
        private final Runnable task;
        private Instant due;

        private Task(Duration period, Runnable task, Instant due) {
            this.period = period;
            this.task = task;
            this.due = due;
        }
    }
}
