package dev.credrift.reconciler.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.reconciler.cache.InformerReads;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes guard as {@link Guards#create} wires it: caches that have not synced are retried, but never open the
 * breaker shared by every binding's Kubernetes calls; an API server failing still does.
 */
class CacheNotReadyGuardTest {

    private final GuardRuntime runtime = new GuardRuntime("cache-not-ready-guard-test");
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
    private final Guard kubernetes = Guards.create(
                    settings, GuardSettings.defaults(), GuardSettings.defaults(), runtime.scheduler(), runtime.worker())
            .kubernetes();

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void shouldRetryAndKeepTheBreakerClosedWhenTheCachesHaveNotSynced() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            callFailing(() -> {
                attempts.incrementAndGet();
                return new InformerReads.CacheNotReady("the caches of namespace tracing have not synced yet", null);
            });
        }
        assertThat(attempts).hasValue(9); // 3 calls, each tried 3 times
        assertThat(kubernetes.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(kubernetes.breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void shouldOpenTheBreakerWhenTheApiServerFails() {
        callFailing(() -> new KubernetesClientException("unavailable", 503, null));
        assertThat(kubernetes.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private void callFailing(Supplier<RuntimeException> failure) {
        assertThatThrownBy(() -> runtime.await(kubernetes.call(runtime.context(), () -> {
                    throw failure.get();
                })))
                .isInstanceOf(ExecutionException.class);
    }
}
