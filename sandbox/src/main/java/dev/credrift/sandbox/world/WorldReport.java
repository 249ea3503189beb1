package dev.credrift.sandbox.world;

import dev.credrift.sandbox.emulate.workload.RolloutRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened to a world: when and how it started, the actions applied, the expectations met or failed (with
 * reasons), the rollouts the workload controllers saw and the drift classes reported. Holds fingerprints and masked
 * key ids only.
 *
 * @param world         the world's name
 * @param source        its file
 * @param startedAt     when it started
 * @param startDuration how long starting took
 * @param settled       whether it settled before the timeline
 * @param actions       what became of each timeline step
 * @param expectations  each expectation's result
 * @param rollouts      template rollouts seen, oldest first
 * @param driftClasses  drift classes seen, oldest first
 */
public record WorldReport(
        String world,
        String source,
        Instant startedAt,
        Duration startDuration,
        boolean settled,
        List<ActionRecord> actions,
        List<ExpectationResult> expectations,
        List<RolloutRecord> rollouts,
        List<DriftClassLog.Entry> driftClasses) {

    /** Copies lists. */
    public WorldReport {
        actions = List.copyOf(actions);
        expectations = List.copyOf(expectations);
        rollouts = List.copyOf(rollouts);
        driftClasses = List.copyOf(driftClasses);
    }

    /** Every action applied and every expectation met. */
    public boolean passed() {
        return actions.stream().allMatch(ActionRecord::applied)
                && expectations.stream().allMatch(ExpectationResult::met);
    }

    /** The expectations that failed. */
    public List<ExpectationResult> failures() {
        return expectations.stream().filter(e -> !e.met()).toList();
    }

    /** A plain-text account, one line per event. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("world ")
                .append(world)
                .append(" (")
                .append(source)
                .append(") started in ")
                .append(startDuration.toMillis())
                .append(" ms")
                .append(settled ? "" : " without settling")
                .append('\n');
        for (ActionRecord action : actions) {
            text.append(String.format(
                    "  +%6.1fs %s %s: %s%n",
                    action.offset().toMillis() / 1000.0,
                    action.applied() ? "✓" : "✗",
                    action.step().action().describe(),
                    action.outcome()));
        }
        for (RolloutRecord rollout : rollouts) {
            text.append("  rollout of ")
                    .append(rollout.workload())
                    .append(": ")
                    .append(rollout.fromRevision())
                    .append(" → ")
                    .append(rollout.toRevision())
                    .append('\n');
        }
        for (DriftClassLog.Entry entry : driftClasses) {
            text.append("  drift class ")
                    .append(entry.driftClass())
                    .append(" for ")
                    .append(entry.bindingId())
                    .append(" (")
                    .append(entry.source())
                    .append(")\n");
        }
        for (ExpectationResult result : expectations) {
            text.append("  ")
                    .append(result.met() ? "✓ " : "✗ ")
                    .append(result.spec().expectation().describe())
                    .append(result.metAfter()
                            .map(d -> " after " + d.toMillis() + " ms")
                            .orElse(""))
                    .append(" — ")
                    .append(result.detail())
                    .append('\n');
        }
        text.append(passed() ? "PASSED" : "FAILED").append('\n');
        return text.toString();
    }
}
