/**
 * The notifier: tells people what drifted and what credrift did, on Slack (Block Kit) and signed
 * webhooks (structured CloudEvents), reading {@code credrift.outcomes} in its own consumer group.
 * Entry points: {@link dev.credrift.notifier.Notifier#start} with a {@link
 * dev.credrift.notifier.NotifierConfig}, and {@link dev.credrift.notifier.NotifyTest} behind
 * {@code credrift notify test --sink NAME}.
 *
 * <p>Packages: {@code config} (sinks, secrets, retry, rate limit), {@code report} (which events make a
 * message), {@code routing} (rules, dedup), {@code slack} and {@code webhook} (message formats,
 * signatures), {@code delivery} (HTTP, retries, per-sink workers), {@code kafka} (offsets, results).
 *
 * <p>Label routes use the binding labels outcome events carry ({@code bindinglabels}; a {@link
 * dev.credrift.notifier.routing.BindingLabels} from the caller is the fallback). Limits: events do not say
 * what kind of source a binding has, so the chain's source label is configured ({@link dev.credrift.notifier.report.HopLabels}).
 * Delivery results are published as {@code NotificationDelivered} / {@code NotificationFailed} on the
 * outcomes topic; the hash-chained audit topic has one writer per binding (the reconciler) and is not
 * written here.
 */
package dev.credrift.notifier;
