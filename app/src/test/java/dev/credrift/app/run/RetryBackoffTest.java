package dev.credrift.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void shouldDoubleDelayWhenAttemptsRepeat() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void shouldCapDelayWhenAttemptsKeepFailing() {
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldRejectInputWhenOutOfRange() {
        assertThatThrownBy(() -> backoff.delay(0)).hasMessageContaining("starts at 1");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("initial <= max");
    }
}
