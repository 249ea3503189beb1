package dev.credrift.reconciler.plan;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.PlannedStep;
import java.util.List;
import java.util.Objects;

/**
 * The steps that heal a drift class; empty means "alert only".
 *
 * @param notes why steps are absent (alert-only classes, workloads that cannot be rolled), for humans
 */
public record Plan(DriftClass driftClass, List<Action> actions, List<String> notes) {

    public Plan {
        Objects.requireNonNull(driftClass, "driftClass");
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    public boolean alertOnly() {
        return actions.isEmpty();
    }

    public List<PlannedStep> planned() {
        return actions.stream().map(Action::planned).toList();
    }
}
