package dev.credrift.notifier.delivery;

import dev.credrift.notifier.config.RetryPolicy;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Turns a {@link RetryPolicy} into a Resilience4j {@link Retry}: only {@link DeliveryFailure}s whose
 * error is retryable are retried; the wait is the sink's {@code Retry-After} when it gave one
 * (capped at {@code maxRetryAfter}), otherwise exponential backoff with jitter. Used through
 * {@link Retry#asyncContext()}, with Vert.x timers doing the waiting.
 */
public final class RetrySchedule {

    private RetrySchedule() {}

    /** The retry for one sink. */
    public static Retry forSink(String sinkName, RetryPolicy policy) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff().toMillis(),
                policy.multiplier(),
                policy.jitter(),
                policy.maxBackoff().toMillis());
        long maxRetryAfter = policy.maxRetryAfter().toMillis();
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(failure -> failure instanceof DeliveryFailure delivery
                        && delivery.error().retryable())
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft()
                            && outcome.getLeft() instanceof DeliveryFailure delivery
                            && delivery.error().retryAfter() != null) {
                        return Math.min(delivery.error().retryAfter().toMillis(), maxRetryAfter);
                    }
                    return backoff.apply(attempt);
                })
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .build();
        return Retry.of("notifier-" + sinkName, config);
    }
}
