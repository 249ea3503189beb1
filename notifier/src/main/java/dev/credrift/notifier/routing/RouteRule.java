package dev.credrift.notifier.routing;

import dev.credrift.events.payload.EventType;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends matching reports to named sinks. Empty criteria match everything; a report goes to the
 * union of the sinks of every rule it matches.
 *
 * @param namespaces    binding namespaces (empty: any)
 * @param bindingLabels labels the binding must have, all of them (empty: any); see {@link BindingLabels}
 * @param eventTypes    types of the triggering event, e.g. {@code remediation.halted} (empty: any)
 * @param minSeverity   the least severity
 * @param sinks         where matching reports go, by sink name
 */
public record RouteRule(
        Set<String> namespaces,
        Map<String, String> bindingLabels,
        Set<EventType> eventTypes,
        Severity minSeverity,
        List<String> sinks) {

    /** Copies the collections; requires at least one sink. */
    public RouteRule {
        namespaces = namespaces == null ? Set.of() : Set.copyOf(namespaces);
        bindingLabels = bindingLabels == null ? Map.of() : Map.copyOf(bindingLabels);
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
        if (sinks == null || sinks.isEmpty()) {
            throw new InvalidNotifierConfig("route", "sinks", "must name at least one sink");
        }
        sinks = List.copyOf(sinks);
    }

    /** A rule sending everything to these sinks; narrow it with the {@code with…} methods. */
    public static RouteRule to(String... sinks) {
        return new RouteRule(Set.of(), Map.of(), Set.of(), Severity.INFO, List.of(sinks));
    }

    /** A copy matching only these namespaces. */
    public RouteRule withNamespaces(String... values) {
        return new RouteRule(Set.of(values), bindingLabels, eventTypes, minSeverity, sinks);
    }

    /** A copy matching only bindings with these labels. */
    public RouteRule withBindingLabels(Map<String, String> values) {
        return new RouteRule(namespaces, values, eventTypes, minSeverity, sinks);
    }

    /** A copy matching only these triggering event types. */
    public RouteRule withEventTypes(EventType... values) {
        return new RouteRule(namespaces, bindingLabels, Set.of(values), minSeverity, sinks);
    }

    /** A copy matching only this severity or worse. */
    public RouteRule withMinSeverity(Severity value) {
        return new RouteRule(namespaces, bindingLabels, eventTypes, value, sinks);
    }

    /** Whether a report (about a binding with these labels) matches. */
    public boolean matches(Report report, Map<String, String> labels) {
        return (namespaces.isEmpty() || namespaces.contains(report.binding().namespace()))
                && (eventTypes.isEmpty() || eventTypes.contains(report.event().type()))
                && report.severity().atLeast(minSeverity)
                && bindingLabels.entrySet().stream()
                        .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
    }
}
