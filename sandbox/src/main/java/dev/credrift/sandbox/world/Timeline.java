package dev.credrift.sandbox.world;

import dev.credrift.sandbox.world.spec.TimelineStep;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A world's actions, played in time order on the caller's thread; each step's {@code at} counts from the moment
 * {@link #run} is called (by then the app has started credrift and let it see the world once). A step that fails
 * is recorded as not applied and the story goes on.
 */
public final class Timeline {

    private static final Logger LOG = LoggerFactory.getLogger(Timeline.class);

    private final List<TimelineStep> steps;

    private Timeline(List<TimelineStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The timeline of {@code spec}. */
    public static Timeline of(WorldSpec spec) {
        return new Timeline(spec.timeline());
    }

    /** The steps, by time. */
    public List<TimelineStep> steps() {
        return steps;
    }

    /** Progress callbacks, e.g. for a printed timeline. */
    public interface Listener {
        /** About to apply {@code step}. */
        default void beforeAction(TimelineStep step) {}

        /** Applied (or failed to apply) a step. */
        default void afterAction(ActionRecord record) {}
    }

    /** Plays every step at its time; returns what became of each. */
    public List<ActionRecord> run(World world, Listener listener) {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(listener, "listener");
        ActionExecutor executor = new ActionExecutor(world);
        Instant start = world.clock().instant();
        world.timelineStarted(start);
        List<ActionRecord> records = new ArrayList<>();
        for (TimelineStep step : steps) {
            waitUntil(world, start.plus(step.at()));
            listener.beforeAction(step);
            Instant at = world.clock().instant();
            ActionRecord record;
            try {
                String outcome = executor.apply(step.action());
                record = new ActionRecord(step, at, Duration.between(start, at), true, outcome);
                LOG.info(
                        "world {}: +{} ms {}: {}",
                        world.spec().name(),
                        record.offset().toMillis(),
                        step.action().describe(),
                        outcome);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                record = new ActionRecord(step, at, Duration.between(start, at), false, why);
                LOG.warn(
                        "world {}: {} ({}) failed: {}",
                        world.spec().name(),
                        step.action().describe(),
                        step.location(),
                        why);
            }
            records.add(record);
            listener.afterAction(record);
        }
        return records;
    }

    private static void waitUntil(World world, Instant when) {
        while (true) {
            long millis = Duration.between(world.clock().instant(), when).toMillis();
            if (millis <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(millis, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorldException("interrupted while waiting for the next timeline step");
            }
        }
    }
}
