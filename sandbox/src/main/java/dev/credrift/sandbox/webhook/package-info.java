/**
 * A stand-in for Slack incoming webhooks and generic webhook receivers: an HTTP server on 127.0.0.1
 * that records every request it gets (method, path, headers, body) and answers as told, per path —
 * {@code 200 ok}, {@code 429} with {@code Retry-After}, {@code 500}, no answer at all, a dropped
 * connection — or stops listening so that connections are refused. Entry point:
 * {@link dev.credrift.sandbox.webhook.WebhookSink}.
 */
package dev.credrift.sandbox.webhook;
