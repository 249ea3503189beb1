package dev.credrift.sandbox.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void shouldRunEachDueTickAtItsOwnMomentWhenTimeAdvances() {
        ManualScheduler time = new ManualScheduler(START);
        List<String> ticks = new ArrayList<>();
        time.every(Duration.ofSeconds(10), () -> ticks.add("a@" + time.clock().instant()));
        time.every(Duration.ofSeconds(15), () -> ticks.add("b@" + time.clock().instant()));

        time.advance(Duration.ofSeconds(31));

        assertThat(ticks)
                .containsExactly(
                        "a@2030-01-01T00:00:10Z",
                        "b@2030-01-01T00:00:15Z",
                        "a@2030-01-01T00:00:20Z",
                        "a@2030-01-01T00:00:30Z",
                        "b@2030-01-01T00:00:30Z");
        assertThat(time.clock().instant()).isEqualTo(START.plusSeconds(31));
    }

    @Test
    void shouldStopATaskWhenCancelled() {
        ManualScheduler time = new ManualScheduler(START);
        List<Instant> ticks = new ArrayList<>();
        Cancellable task =
                time.every(Duration.ofSeconds(1), () -> ticks.add(time.clock().instant()));

        time.advance(Duration.ofSeconds(2));
        task.cancel();
        time.advance(Duration.ofSeconds(5));

        assertThat(ticks).hasSize(2);
        assertThat(time.nextDue()).isEmpty();
    }
}
