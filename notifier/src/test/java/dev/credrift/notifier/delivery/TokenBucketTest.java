package dev.credrift.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.notifier.Story;
import dev.credrift.notifier.config.RateLimit;
import dev.credrift.sandbox.emulate.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final ManualClock clock = new ManualClock(Story.T0);

    @Test
    void shouldAllowABurstThenOnePerPeriod() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, Duration.ofSeconds(1), 3), clock);

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(400));
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(bucket.take()).isZero();
    }

    @Test
    void shouldNotSaveUpMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, Duration.ofSeconds(1), 2), clock);
        clock.advance(Duration.ofHours(1));

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(100));
    }
}
