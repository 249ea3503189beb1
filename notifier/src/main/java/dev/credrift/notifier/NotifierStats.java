package dev.credrift.notifier;

/**
 * Counters since start, for metrics and tests.
 *
 * @param delivered        notifications a sink accepted
 * @param failed           notifications given up on (dead-lettered)
 * @param suppressed       notifications the dedup window held back
 * @param deadLettered     records that could not be decoded, sent to the dead-letter topic
 * @param inFlight         records read and not yet released
 * @param openRemediations bindings with a remediation (or detected drift) being followed
 */
public record NotifierStats(
        long delivered, long failed, long suppressed, long deadLettered, int inFlight, int openRemediations) {}
