package dev.credrift.reconciler.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.connect.ConnectException;
import dev.credrift.connect.ConnectTarget;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 1Password guard as {@link Guards#create} wires it: a 429 is retried no sooner than its {@code Retry-After}, and
 * 429s never open the breaker, while server errors still do.
 */
class RateLimitedGuardTest {

    private static final ConnectTarget ITEM = new ConnectTarget("v1", "infra", "i1", "loki-s3");

    private final GuardRuntime runtime = new GuardRuntime("rate-limited-guard-test");
    // 20 ms backoff without jitter, breaker judging after 2 calls at 50 %
    private final GuardSettings settings = new GuardSettings(
            3,
            Duration.ofMillis(20),
            2.0,
            0.0,
            Duration.ofMillis(100),
            50f,
            2,
            2,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));
    private final Guard onePassword = Guards.create(
                    GuardSettings.defaults(), settings, GuardSettings.defaults(), runtime.scheduler(), runtime.worker())
            .onePassword();

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void shouldWaitRetryAfterWhenItIsLongerThanTheBackoff() throws Exception {
        List<Long> calls = new CopyOnWriteArrayList<>();
        String answer = runtime.await(onePassword.call(runtime.context(), () -> {
            calls.add(System.nanoTime());
            if (calls.size() == 1) {
                throw new ConnectException.RateLimited(ITEM, Duration.ofMillis(400), "");
            }
            return "written";
        }));
        assertThat(answer).isEqualTo("written");
        assertThat(calls).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(calls.get(1) - calls.get(0))).isGreaterThanOrEqualTo(395);
    }

    @Test
    void shouldKeepTheBreakerClosedWhenConnectOnlyRateLimits() {
        for (int i = 0; i < 3; i++) {
            callFailing(() -> new ConnectException.RateLimited(ITEM, null, ""));
        }
        assertThat(onePassword.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(onePassword.breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void shouldOpenTheBreakerWhenConnectFailsWithServerErrors() {
        callFailing(() -> new ConnectException.ServerError(ITEM, 503, ""));
        assertThat(onePassword.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void shouldTakeTheLongerOfBackoffAndRetryAfterWhenThrottled() {
        ConnectException limited = new ConnectException.RateLimited(ITEM, Duration.ofSeconds(12), "");
        assertThat(Throttling.ONE_PASSWORD.waitMillis(500, limited)).isEqualTo(12_000);
        assertThat(Throttling.ONE_PASSWORD.waitMillis(500, new CompletionException(limited)))
                .isEqualTo(12_000);
        assertThat(Throttling.ONE_PASSWORD.waitMillis(15_000, limited)).isEqualTo(15_000);
        assertThat(Throttling.ONE_PASSWORD.waitMillis(500, new ConnectException.RateLimited(ITEM, null, "")))
                .isEqualTo(500);
        assertThat(Throttling.ONE_PASSWORD.waitMillis(500, new ConnectException.ServerError(ITEM, 503, "")))
                .isEqualTo(500);
        assertThat(Throttling.ONE_PASSWORD.throttled(new ConnectException.ServerError(ITEM, 503, "")))
                .isFalse();
        assertThat(Throttling.NONE.waitMillis(500, limited)).isEqualTo(500);
    }

    private void callFailing(Supplier<ConnectException> failure) {
        try {
            // completing normally would mean the failure was swallowed
            Object result = runtime.await(onePassword.call(runtime.context(), () -> {
                throw failure.get();
            }));
            throw new AssertionError("expected a failure, got " + result);
        } catch (ExecutionException expected) {
            // the call fails either way: with the last ConnectException, or refused by a breaker that opened
            assertThat(expected).hasCauseInstanceOf(RuntimeException.class);
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }
}
