/**
 * What the notifier is told: sinks (Slack incoming webhooks and signed webhooks) with their
 * timeouts, retry policy and rate limit, routing rules, and where the secret parts (webhook URLs,
 * signing keys) are read from. Every record validates itself and reports bad input as an
 * {@link dev.credrift.notifier.config.InvalidNotifierConfig} naming the object and field, never a
 * secret. Secrets are only read by {@link dev.credrift.notifier.config.SinkConfig#resolve}, into a
 * {@link dev.credrift.notifier.config.SinkTarget} that never prints them.
 */
package dev.credrift.notifier.config;
