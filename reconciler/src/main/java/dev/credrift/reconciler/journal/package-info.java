/**
 * The per-binding journal on the compacted {@code credrift.state} topic, keyed by binding id: the open remediation
 * (its plan, completed steps, the force-sync value and each workload's {@code restartedAt}, written before the
 * patch so that a crash after it never causes a second rollout), the halt flag, the rollout budget, the retry
 * state, the replica's change mark, the last verdict (so that unchanged verdicts are not published again) and the
 * head of the binding's audit chain.
 *
 * <p>The record format is internal to the reconciler (there is no event type for it): a JSON object with
 * {@code "v": 1}, written with header {@code content-type: application/json}. Unknown fields are ignored when
 * reading, so a newer reconciler's records stay readable. Only fingerprints appear in it, never a credential.
 * Read back in full at start (and before consuming observations) by {@link
 * dev.credrift.reconciler.journal.JournalLoader}.
 */
package dev.credrift.reconciler.journal;
