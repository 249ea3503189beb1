/**
 * Which sinks get a report, and whether they already got one like it: {@link
 * dev.credrift.notifier.routing.Router} applies {@link dev.credrift.notifier.routing.RouteRule}s
 * (namespace, binding labels, event type, severity → named sinks) and {@link
 * dev.credrift.notifier.routing.Deduplicator} lets one message per sink, binding, drift class and kind
 * through per window. Pure logic.
 *
 * <p>Binding labels come with the events: the reconciler puts the binding's labels on its outcome events
 * (CloudEvents extension {@code bindinglabels}). A {@link dev.credrift.notifier.routing.BindingLabels}
 * the caller supplies is the fallback for events that carry none.
 */
package dev.credrift.notifier.routing;
