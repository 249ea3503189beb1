package dev.credrift.reconciler.journal;

import java.time.Instant;

/**
 * The last verdict published for a binding, so that level-triggered re-assessments do not publish the same drift
 * again and again.
 *
 * @param code         the drift class name, or {@code UNDETERMINED_<cause>}
 * @param fingerprints the hops' fingerprints it was about, joined
 * @param at           when it was first reached
 */
public record LastVerdict(String code, String fingerprints, Instant at) {}
