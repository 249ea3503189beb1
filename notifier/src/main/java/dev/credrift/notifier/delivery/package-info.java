/**
 * Getting one message to one sink: render it ({@link dev.credrift.notifier.delivery.MessageRenderer}),
 * POST it ({@link dev.credrift.notifier.delivery.HttpSender}), classify what went wrong ({@link
 * dev.credrift.notifier.delivery.DeliveryError}), wait for the sink's rate limit ({@link
 * dev.credrift.notifier.delivery.TokenBucket}) and retry with Resilience4j ({@link
 * dev.credrift.notifier.delivery.RetrySchedule}: exponential backoff with jitter, {@code Retry-After}
 * honoured, hopeless {@code 4xx} not retried). Each sink has its own {@link
 * dev.credrift.notifier.delivery.SinkWorker}, queue and HTTP connection pool, so a sink that hangs or
 * refuses delays only its own messages. Errors are described by code and status, never with the URL.
 */
package dev.credrift.notifier.delivery;
