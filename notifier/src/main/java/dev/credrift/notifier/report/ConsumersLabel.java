package dev.credrift.notifier.report;

import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.StepKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The consumer hop's name in a chain line: the workloads a remediation rolls, else the configured label. */
final class ConsumersLabel {

    private static final int CONSUMER_NAMES_SHOWN = 3;

    private ConsumersLabel() {}

    /** The workloads the plan rolls ({@code StatefulSet monitoring/loki} → {@code loki}), else the configured label. */
    static String of(RemediationPlanned plan, List<RemediationStepFinished> steps, HopLabels labels) {
        Set<String> names = new LinkedHashSet<>();
        if (plan != null) {
            for (PlannedStep step : plan.steps()) {
                if (step.kind() == StepKind.ROLL_OUT || step.kind() == StepKind.AWAIT_READY) {
                    names.add(workloadName(step.target()));
                }
            }
        }
        for (RemediationStepFinished step : steps) {
            if (step.kind() == StepKind.ROLL_OUT) {
                names.add(workloadName(step.target()));
            }
        }
        names.remove("");
        if (names.isEmpty()) {
            return labels.consumers();
        }
        List<String> list = new ArrayList<>(names);
        if (list.size() <= CONSUMER_NAMES_SHOWN) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, CONSUMER_NAMES_SHOWN)) + " +" + (list.size() - CONSUMER_NAMES_SHOWN);
    }

    private static String workloadName(String target) {
        String last = target.trim();
        int space = last.lastIndexOf(' ');
        last = space < 0 ? last : last.substring(space + 1);
        int slash = last.lastIndexOf('/');
        return slash < 0 ? last : last.substring(slash + 1);
    }
}
