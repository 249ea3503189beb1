package dev.credrift.sandbox.world;

import java.util.List;

/** Plays a started world's timeline, then checks its expected state, and reports. */
public final class WorldRunner {

    /** Progress of both phases. */
    public interface Listener extends Timeline.Listener, ExpectedState.Listener {
        /** Listens to nothing. */
        Listener NONE = new Listener() {};
    }

    /** Runs the timeline and the expectations of the world's own spec. */
    public WorldReport run(World world, Listener listener) {
        return run(world, ExpectedState.of(world.spec()), listener);
    }

    /** Runs the timeline, then checks {@code expected} instead of the spec's expectations. */
    public WorldReport run(World world, ExpectedState expected, Listener listener) {
        List<ActionRecord> actions = Timeline.of(world.spec()).run(world, listener);
        List<ExpectationResult> results = expected.check(world, listener);
        return new WorldReport(
                world.spec().name(),
                world.spec().source(),
                world.startedAt(),
                world.startDuration(),
                world.settled(),
                actions,
                results,
                world.workloads().rolloutHistory(),
                world.driftClasses().entries());
    }
}
