package dev.credrift.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiLatencyTest {

    @Test
    void shouldDelayEveryAnswerBetweenFixedAndFixedPlusJitterWhenBothAreSet() {
        ApiLatency latency = new ApiLatency(Duration.ofMillis(20), Duration.ofMillis(30));
        Random random = new Random(7);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Duration delay = latency.next(random);
            assertThat(delay).isBetween(Duration.ofMillis(20), Duration.ofMillis(50));
            seen.add(delay);
        }
        assertThat(seen).as("the jitter varies").hasSizeGreaterThan(20).contains(Duration.ofMillis(50));
        assertThat(latency.delays()).isTrue();
    }

    @Test
    void shouldDelayByExactlyFixedWhenThereIsNoJitter() {
        ApiLatency latency = new ApiLatency(Duration.ofMillis(15), Duration.ZERO);

        assertThat(latency.next(new Random(1))).isEqualTo(Duration.ofMillis(15));
        assertThat(ApiLatency.NONE.delays()).isFalse();
        assertThat(ApiLatency.NONE.next(new Random(1))).isZero();
    }

    @Test
    void shouldRejectANegativeDelayWhenBuilt() {
        assertThatThrownBy(() -> new ApiLatency(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed PT-0.001S");
    }
}
