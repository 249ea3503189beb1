package dev.credrift.reconciler.journal;

import java.time.Instant;

/**
 * Per-binding retry state (the policy lives in the configuration): how many remediations in a row failed and when
 * the timer may try again. A new observation skips the wait — except after a permanent failure: then only new
 * evidence (architecture.md §5.1 rule 5) starts another remediation.
 *
 * @param waitingFor after a failure that will not go away by itself: the evidence it failed on (spec generation and
 *                   hop fingerprints, see {@code handle.Evidence}); another remediation starts only once it differs
 * @param code       that failure's code, for the status while waiting
 */
public record RetryRecord(int failures, Instant notBefore, String waitingFor, String code) {

    public RetryRecord(int failures, Instant notBefore) {
        this(failures, notBefore, null, null);
    }
}
