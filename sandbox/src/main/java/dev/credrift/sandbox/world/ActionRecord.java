package dev.credrift.sandbox.world;

import dev.credrift.sandbox.world.spec.TimelineStep;
import java.time.Duration;
import java.time.Instant;

/**
 * What became of one timeline step.
 *
 * @param step    the step
 * @param at      when it was applied
 * @param offset  how long after the timeline started
 * @param applied whether it took effect
 * @param outcome what happened, e.g. {@code new key AKIA…XYZ9}, or why it failed; never a value
 */
public record ActionRecord(TimelineStep step, Instant at, Duration offset, boolean applied, String outcome) {}
