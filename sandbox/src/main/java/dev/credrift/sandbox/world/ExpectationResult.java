package dev.credrift.sandbox.world;

import dev.credrift.sandbox.world.spec.ExpectationSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether an expectation held by its deadline.
 *
 * @param spec     the expectation
 * @param met      whether it held
 * @param metAfter how long after checking began it held
 * @param detail   what was seen last (fingerprints, conditions, counts; never a value)
 */
public record ExpectationResult(ExpectationSpec spec, boolean met, Optional<Duration> metAfter, String detail) {}
