package dev.credrift.notifier.routing;

import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.report.Report;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the sinks for a report: the union of the sinks of every matching rule, in the order sinks
 * are configured; with no rules at all, every sink.
 */
public final class Router {

    private final List<RouteRule> rules;
    private final List<String> sinks;

    /**
     * @param rules the routing rules
     * @param sinks the configured sink names, in order
     * @throws InvalidNotifierConfig if a rule names a sink that is not configured
     */
    public Router(List<RouteRule> rules, List<String> sinks) {
        this.rules = List.copyOf(rules);
        this.sinks = List.copyOf(sinks);
        for (int i = 0; i < this.rules.size(); i++) {
            for (String sink : this.rules.get(i).sinks()) {
                if (!this.sinks.contains(sink)) {
                    throw new InvalidNotifierConfig(
                            "route #" + (i + 1), "sinks", "names sink '" + sink + "', which is not configured");
                }
            }
        }
    }

    /** The sinks that get this report. */
    public List<String> route(Report report, Map<String, String> labels) {
        if (rules.isEmpty()) {
            return sinks;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (RouteRule rule : rules) {
            if (rule.matches(report, labels)) {
                chosen.addAll(rule.sinks());
            }
        }
        return sinks.stream().filter(chosen::contains).toList();
    }
}
