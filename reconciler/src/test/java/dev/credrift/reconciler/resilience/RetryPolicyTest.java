package dev.credrift.reconciler.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.2, 5);

    @Test
    void shouldGrowExponentiallyUpToTheCapWhenFailuresRepeat() {
        assertThat(policy.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delay(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delay(10, () -> 0.5)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldStayWithinTheJitterWhenRandomIsExtreme() {
        assertThat(policy.delay(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delay(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void shouldRefuseNonsenseWhenConfigured() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 2, Duration.ofMinutes(1), 0.1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCountOnlyTheLastHourWhenBudgetingABinding() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        List<Instant> rollouts = List.of(
                now.minus(Duration.ofMinutes(90)),
                now.minus(Duration.ofMinutes(50)),
                now.minus(Duration.ofMinutes(10)));

        assertThat(RolloutBudget.inWindow(rollouts, now)).hasSize(2);
        assertThat(RolloutBudget.bindingAllows(rollouts, 3, now)).isTrue();
        assertThat(RolloutBudget.bindingAllows(rollouts, 2, now)).isFalse();
    }

    @Test
    void shouldRetryOnlyTransientFailuresWhenClassifying() {
        assertThat(Transient.kubernetes(new io.fabric8.kubernetes.client.KubernetesClientException("x", 503, null)))
                .isTrue();
        assertThat(Transient.kubernetes(new io.fabric8.kubernetes.client.KubernetesClientException("x", 404, null)))
                .isFalse();
        assertThat(Transient.store(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(Transient.store(new IllegalArgumentException())).isFalse();
        assertThat(Transient.kubernetes(
                        new java.util.concurrent.CompletionException(new java.util.concurrent.TimeoutException())))
                .isTrue();
    }
}
