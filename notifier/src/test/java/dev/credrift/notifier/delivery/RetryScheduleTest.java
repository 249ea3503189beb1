package dev.credrift.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.notifier.config.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:17:02Z");
    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(10), Duration.ofSeconds(30));

    private static DeliveryFailure failure(int status, String retryAfter) {
        return new DeliveryFailure(DeliveryError.ofStatus(status, retryAfter, NOW));
    }

    @Test
    void shouldBackOffExponentiallyWithJitterAndStopAfterTheLastAttempt() {
        Retry.AsyncContext<Object> context =
                RetrySchedule.forSink("hook", POLICY).asyncContext();

        long first = context.onError(failure(500, null));
        long second = context.onError(failure(500, null));
        long third = context.onError(failure(500, null));
        long none = context.onError(failure(500, null));

        assertThat(first).isBetween(500L, 1500L);
        assertThat(second).isBetween(1000L, 3000L);
        assertThat(third).isBetween(2000L, 6000L);
        assertThat(none).isNegative();
    }

    @Test
    void shouldNeverWaitLongerThanMaxBackoffPlusJitter() {
        RetryPolicy policy =
                new RetryPolicy(10, Duration.ofSeconds(1), 10.0, 0.5, Duration.ofSeconds(3), Duration.ofSeconds(30));
        Retry.AsyncContext<Object> context =
                RetrySchedule.forSink("hook", policy).asyncContext();

        for (int i = 0; i < 8; i++) {
            assertThat(context.onError(failure(503, null))).isLessThanOrEqualTo(4500L);
        }
    }

    @Test
    void shouldHonourRetryAfterUpToTheCap() {
        Retry.AsyncContext<Object> context =
                RetrySchedule.forSink("slack", POLICY).asyncContext();

        assertThat(context.onError(failure(429, "7"))).isEqualTo(7000L);
        assertThat(context.onError(failure(429, "3600"))).isEqualTo(30_000L);
    }

    @Test
    void shouldNotRetryHopeless4xx() {
        assertThat(RetrySchedule.forSink("hook", POLICY).asyncContext().onError(failure(400, null)))
                .isNegative();
        assertThat(RetrySchedule.forSink("hook", POLICY).asyncContext().onError(failure(404, null)))
                .isNegative();
        assertThat(RetrySchedule.forSink("hook", POLICY).asyncContext().onError(failure(408, null)))
                .isPositive();
    }

    @Test
    void shouldNotRetryWhenThePolicyAllowsOneAttempt() {
        Retry.AsyncContext<Object> context =
                RetrySchedule.forSink("hook", POLICY.withMaxAttempts(1)).asyncContext();

        assertThat(context.onError(failure(500, null))).isNegative();
    }
}
