package dev.credrift.app.sandbox.bench;

import dev.credrift.sandbox.kube.RequestCounts;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The benchmark's results as a Markdown table, one row per world. */
final class BenchTable {

    private static final List<RequestCounts.Verb> VERBS = List.of(
            RequestCounts.Verb.GET,
            RequestCounts.Verb.LIST,
            RequestCounts.Verb.WATCH,
            RequestCounts.Verb.CREATE,
            RequestCounts.Verb.UPDATE,
            RequestCounts.Verb.PATCH,
            RequestCounts.Verb.DELETE);

    /** The verbs that read: a still world should cost none of them per binding (issue 13). */
    static final Set<RequestCounts.Verb> READS = EnumSet.of(
            RequestCounts.Verb.GET, RequestCounts.Verb.LIST, RequestCounts.Verb.WATCH, RequestCounts.Verb.DISCOVERY);

    private BenchTable() {}

    static String render(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder();
        table.append(
                "| bindings | detected p50 / p99 / max (s) | healed | heal p50 / p99 (s) | API requests by credrift "
                        + "(get/list/watch/create/update/patch/delete) | steady req/binding/h (reads / writes) | "
                        + "credrift CPU (s) | "
                        + "JVM CPU (s) | heap after GC (MB, world alone) | thread starts | observations | thread starts per "
                        + "observation | window (s) |\n");
        table.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            table.append("| ")
                    .append(r.label())
                    .append(" | ")
                    .append(triple(r.detection()))
                    .append(r.notDetected() > 0 ? " (" + r.notDetected() + " undetected)" : "")
                    .append(
                            r.driftBeforeRotation() > 0
                                    ? " (" + r.driftBeforeRotation() + " judged drifting before the rotation)"
                                    : "")
                    .append(" | ")
                    .append(r.heal().count())
                    .append('/')
                    .append(r.bindings())
                    .append(" | ")
                    .append(seconds(r.heal().p50()))
                    .append(" / ")
                    .append(seconds(r.heal().p99()))
                    .append(" | ")
                    .append(r.totalRequests())
                    .append(": ")
                    .append(VERBS.stream()
                            .map(v -> String.valueOf(r.requests().getOrDefault(v, 0L)))
                            .collect(Collectors.joining("/")))
                    .append(" | ")
                    .append(format(r.steadyPerBindingHour()))
                    .append(" (")
                    .append(format(r.steadyReadsPerBindingHour()))
                    .append(" / ")
                    .append(format(r.steadyWritesPerBindingHour()))
                    .append(") | ")
                    .append(format(r.credriftCpuSeconds()))
                    .append(" | ")
                    .append(format(r.processCpuSeconds()))
                    .append(" | ")
                    .append(format(r.heapMb()))
                    .append(" (")
                    .append(format(r.worldHeapMb()))
                    .append(')')
                    .append(" | ")
                    .append(r.threadStarts())
                    .append(" | ")
                    .append(r.observations())
                    .append(" | ")
                    .append(format(r.threadStartsPerObservation()))
                    .append(" | ")
                    .append(format(r.windowSeconds()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String triple(Percentiles p) {
        return seconds(p.p50()) + " / " + seconds(p.p99()) + " / " + seconds(p.max());
    }

    /** Milliseconds as seconds with two decimals; "–" for no samples. */
    static String seconds(long millis) {
        return millis < 0 ? "–" : String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
