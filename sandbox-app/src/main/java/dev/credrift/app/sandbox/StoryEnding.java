package dev.credrift.app.sandbox;

import dev.credrift.sandbox.world.ExpectationResult;
import dev.credrift.sandbox.world.WorldReport;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How a world's story ended, in words: each binding's hop chain at start, at drift and at end with how (or whether)
 * it healed, the rollouts, and the one-line verdict on the world's expected end state.
 */
final class StoryEnding {

    private StoryEnding() {}

    static void printChains(
            Consumer<String> println,
            TimelinePrinter printer,
            StoryTracker tracker,
            Map<String, HopRow> atStart,
            Map<String, HopRow> atEnd,
            WorldReport report) {
        for (String binding : atEnd.keySet()) {
            List<HopRow> rows = new ArrayList<>();
            Optional.ofNullable(atStart.get(binding)).ifPresent(rows::add);
            Optional<StoryTracker.BindingStory> story = tracker.binding(binding);
            // labelled now: a drift reported before the timeline began has a negative offset, known only now
            story.filter(s -> s.atDrift != null)
                    .ifPresent(s -> rows.add(s.atDrift.at(
                            "at drift " + printer.offset(s.driftedAt).trim())));
            rows.add(atEnd.get(binding));
            println.accept("");
            println.accept(HopTable.render(binding, rows));
            if (rows.stream().allMatch(HopRow::nothingJudged)) {
                println.accept(
                        "  (no static keys at any hop: a role-based binding is judged by its token exchange, below)");
            }
            println.accept("  " + healing(printer, story, atEnd.get(binding), report.passed()));
        }
        if (!report.rollouts().isEmpty()) {
            Map<String, Long> perWorkload = report.rollouts().stream()
                    .collect(Collectors.groupingBy(
                            r -> String.valueOf(r.workload()), LinkedHashMap::new, Collectors.counting()));
            println.accept("  rollouts: "
                    + perWorkload.entrySet().stream()
                            .map(e -> e.getKey() + " ×" + e.getValue())
                            .collect(Collectors.joining(", ")));
        } else {
            println.accept("  rollouts: none");
        }
    }

    private static String healing(
            TimelinePrinter printer, Optional<StoryTracker.BindingStory> story, HopRow end, boolean storyPassed) {
        if (story.isEmpty() || story.get().lastClass == null) {
            return end.allGood()
                    ? "in sync throughout: credrift found nothing to heal and changed nothing"
                    : "credrift reported no drift for this binding";
        }
        StoryTracker.BindingStory s = story.get();
        if (s.driftedAt == null) {
            return "no drift reported; last assessment " + s.lastClass;
        }
        if (s.healedAt != null) {
            return "healed in "
                    + OutcomeText.seconds(
                            Duration.between(s.driftedAt, s.healedAt).toMillis())
                    + ": drift reported at " + printer.offset(s.driftedAt).trim() + ", in sync again at "
                    + printer.offset(s.healedAt).trim()
                    + (s.remediationMillis == null
                            ? ""
                            : " (the remediation itself took " + OutcomeText.seconds(s.remediationMillis) + ")");
        }
        // stories that end in a diagnosis (an untrusted endpoint, a refused identity) pass while out of sync
        return (storyPassed
                        ? "out of sync at the end, as the story expects; credrift's diagnosis: "
                        : "not in sync at the end of the story; credrift's last assessment: ")
                + s.lastClass
                + (s.lastDetail == null ? "" : " — " + TimelinePrinter.shortened(s.lastDetail));
    }

    static String verdict(WorldSpec spec, WorldReport report) {
        long checks = report.expectations().size();
        List<ExpectationResult> failures = report.failures();
        long failedActions = report.actions().stream().filter(a -> !a.applied()).count();
        if (report.passed()) {
            return "PASSED " + spec.name() + ": all " + checks + " check(s) of the expected end state met";
        }
        return "FAILED " + spec.name() + ": " + failures.size() + " of " + checks + " check(s) not reached"
                + (failedActions > 0 ? ", " + failedActions + " timeline action(s) failed" : "")
                + (failures.isEmpty()
                        ? ""
                        : " ("
                                + failures.stream()
                                        .map(f -> f.spec().expectation().describe())
                                        .collect(Collectors.joining("; "))
                                + ")");
    }
}
