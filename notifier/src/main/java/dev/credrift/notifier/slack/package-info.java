/**
 * Reports as Slack incoming-webhook messages in Block Kit: a header, the facts as fields (binding,
 * drift, result, duration), the hop chain line, what credrift did, and ids for the curious. Text from
 * events is escaped for mrkdwn, and every message stays inside Block Kit's limits (section text
 * ≤ 3,000 characters, ≤ 50 blocks …) however long the details — see {@link dev.credrift.notifier.slack.BlockKit}.
 */
package dev.credrift.notifier.slack;
