package dev.credrift.reconciler.step;

import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.resilience.RolloutBudget;

/**
 * What rolling consumers may do and how long it may wait: when a workload is stale ({@code freshness}), the step
 * timings and the reconciler-wide rollout {@code budget}.
 */
public record RolloutPolicy(Freshness freshness, StepTimings timings, RolloutBudget budget) {}
