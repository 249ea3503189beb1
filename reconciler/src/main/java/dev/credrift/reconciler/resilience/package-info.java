/**
 * Staying polite to the systems we act on. Each external system (Kubernetes, 1Password, the store) has its own
 * {@link dev.credrift.reconciler.resilience.Guard}: a retry with exponential backoff and jitter for transient
 * failures, a circuit breaker and a time limiter around every blocking call, which runs on a worker executor and
 * comes back as a Vert.x {@code Future}. Rollouts go through a per-binding budget (journaled, so it survives
 * restarts) and a global rate limiter; vault writes through their own rate limiter.
 *
 * <p>The retry <em>policy</em> of failed remediations ({@link dev.credrift.reconciler.resilience.RetryPolicy}) is
 * configuration; each binding's retry <em>state</em> (failures in a row, next attempt) lives in the journal.
 */
package dev.credrift.reconciler.resilience;
