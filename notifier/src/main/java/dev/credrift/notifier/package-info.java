/**
 * Slack and signed-webhook delivery of outcomes. Not built yet (issue 5).
 */
package dev.credrift.notifier;
