package dev.credrift.sandbox.world.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * The reconciler's budgets for a world ({@code reconciler:} in a world file); empty: credrift's defaults.
 *
 * @param globalRolloutsPerHour workload restarts per hour across all bindings
 * @param vaultWritesPerMinute  1Password writes per minute across all bindings
 * @param concurrency           bindings remediated at once
 */
public record ReconcilerBudgetSpec(
        Optional<Integer> globalRolloutsPerHour,
        Optional<Integer> vaultWritesPerMinute,
        Optional<Integer> concurrency) {

    public ReconcilerBudgetSpec {
        Objects.requireNonNull(globalRolloutsPerHour, "globalRolloutsPerHour");
        Objects.requireNonNull(vaultWritesPerMinute, "vaultWritesPerMinute");
        Objects.requireNonNull(concurrency, "concurrency");
    }

    /** Credrift's defaults throughout. */
    public static ReconcilerBudgetSpec defaults() {
        return new ReconcilerBudgetSpec(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
