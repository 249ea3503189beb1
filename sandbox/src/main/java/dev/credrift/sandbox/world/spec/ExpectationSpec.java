package dev.credrift.sandbox.world.spec;

import java.time.Duration;

/**
 * An expectation with its deadline.
 *
 * @param expectation what must hold
 * @param within      how long after the timeline ends it may take to hold
 * @param location    where it was written
 */
public record ExpectationSpec(Expectation expectation, Duration within, SourceLocation location) {}
