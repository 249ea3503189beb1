package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.ReconcilerBudgetSpec;
import java.util.Optional;

/**
 * Reads {@code reconciler:}, the budgets credrift's reconciler runs with in the world (each optional; left out:
 * credrift's default; {@code concurrency} is the config file's {@code reconciler.maxConcurrentBindings}):
 * <pre>
 * reconciler: {globalRolloutsPerHour: 1, vaultWritesPerMinute: 2, concurrency: 4}
 * </pre>
 */
final class ReconcilerSection {

    private ReconcilerSection() {}

    static ReconcilerBudgetSpec read(Optional<Fields> fields) {
        if (fields.isEmpty()) {
            return ReconcilerBudgetSpec.defaults();
        }
        Fields r = fields.get();
        // the bounds of the config file's reconciler.* settings (app ConfigParser), which these become
        ReconcilerBudgetSpec spec = new ReconcilerBudgetSpec(
                bounded(r, "globalRolloutsPerHour", 100_000),
                bounded(r, "vaultWritesPerMinute", 10_000),
                bounded(r, "concurrency", 1000));
        r.done();
        return spec;
    }

    private static Optional<Integer> bounded(Fields r, String key, int max) {
        if (!r.has(key)) {
            r.optionalNode(key);
            return Optional.empty();
        }
        int value = r.integer(key);
        if (value < 1 || value > max) {
            throw r.error(key, "must be at least 1 and at most " + max);
        }
        return Optional.of(value);
    }
}
