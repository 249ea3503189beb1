package dev.credrift.reconciler.journal;

import java.time.Instant;

/**
 * Per-binding retry state (the policy lives in the configuration): how many remediations in a row failed and when
 * the timer may try again. A new observation skips the wait.
 */
public record RetryRecord(int failures, Instant notBefore) {
}
