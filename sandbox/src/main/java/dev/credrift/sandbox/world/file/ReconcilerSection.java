package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.ReconcilerBudgetSpec;
import java.util.Optional;

/**
 * Reads {@code reconciler:}, the budgets credrift's reconciler runs with in the world (each optional, at least 1;
 * left out: credrift's default):
 * <pre>
 * reconciler: {globalRolloutsPerHour: 1, vaultWritesPerMinute: 2, concurrency: 4}
 * </pre>
 */
final class ReconcilerSection {

    private ReconcilerSection() {
    }

    static ReconcilerBudgetSpec read(Optional<Fields> fields) {
        if (fields.isEmpty()) {
            return ReconcilerBudgetSpec.defaults();
        }
        Fields r = fields.get();
        ReconcilerBudgetSpec spec = new ReconcilerBudgetSpec(atLeastOne(r, "globalRolloutsPerHour"),
                atLeastOne(r, "vaultWritesPerMinute"), atLeastOne(r, "concurrency"));
        r.done();
        return spec;
    }

    private static Optional<Integer> atLeastOne(Fields r, String key) {
        if (!r.has(key)) {
            r.optionalNode(key);
            return Optional.empty();
        }
        int value = r.integer(key);
        if (value < 1) {
            throw r.error(key, "must be at least 1");
        }
        return Optional.of(value);
    }
}
