package dev.credrift.reconciler.journal;

import dev.credrift.events.payload.StepKind;
import java.util.List;

/**
 * A planned step as journaled.
 *
 * @param workloads the workloads it acts on, as {@code <Kind> <namespace>/<name>}
 */
public record JournaledStep(StepKind kind, String target, List<String> workloads) {

    public JournaledStep {
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
    }
}
