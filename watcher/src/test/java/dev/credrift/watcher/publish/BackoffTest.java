package dev.credrift.watcher.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleUpToTheCapWithJitterInTheUpperHalf() {
        Backoff low = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.999999);

        assertThat(low.delayMillis(1)).isEqualTo(100);
        assertThat(high.delayMillis(1)).isEqualTo(199);
        assertThat(low.delayMillis(3)).isEqualTo(400);
        assertThat(low.delayMillis(40)).isEqualTo(15_000);
        assertThat(high.delayMillis(40)).isBetween(29_000L, 30_000L);
    }

    @Test
    void shouldRefuseAMaxBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
