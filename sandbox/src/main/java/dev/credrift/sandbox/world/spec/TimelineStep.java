package dev.credrift.sandbox.world.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * One entry of a world's timeline.
 *
 * @param at       when, from the start of the timeline
 * @param note     what it stands for in the story, for printouts
 * @param action   what happens
 * @param location where it was written
 */
public record TimelineStep(Duration at, Optional<String> note, Action action, SourceLocation location) {}
