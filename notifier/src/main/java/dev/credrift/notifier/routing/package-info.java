/**
 * Which sinks get a report, and whether they already got one like it: {@link
 * dev.credrift.notifier.routing.Router} applies {@link dev.credrift.notifier.routing.RouteRule}s
 * (namespace, binding labels, event type, severity → named sinks) and {@link
 * dev.credrift.notifier.routing.Deduplicator} lets one message per sink, binding, drift class and kind
 * through per window. Pure logic.
 *
 * <p>Binding labels are not part of the events: they come from a {@link
 * dev.credrift.notifier.routing.BindingLabels} the caller supplies (e.g. from an informer on
 * CredentialBindings). Without one, rules that name labels match nothing.
 */
package dev.credrift.notifier.routing;
