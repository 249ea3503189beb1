package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12, soak seed 6794116738806631752: two rollouts and a rotation within one second. */
class RolloutStampTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:05.912Z");
    private static final Instant CHANGED = Instant.parse("2026-12-07T12:00:05.600Z");

    @Test
    void shouldStampWholeSecondsWhenTheTemplateCarriesAnotherValue() {
        assertThat(RolloutStamp.next(NOW, Optional.empty())).isEqualTo("2026-12-07T12:00:05Z");
        assertThat(RolloutStamp.next(NOW, Optional.of("2026-12-07T12:00:01Z"))).isEqualTo("2026-12-07T12:00:05Z");
    }

    @Test
    void shouldStampAValueOfItsOwnWhenARolloutOfTheSameSecondIsOnTheTemplate() {
        assertThat(RolloutStamp.next(NOW, Optional.of("2026-12-07T12:00:05Z"))).isEqualTo("2026-12-07T12:00:05.912Z");
        assertThat(RolloutStamp.next(Instant.parse("2026-12-07T12:00:05Z"), Optional.of("2026-12-07T12:00:05Z")))
                .as("a whole second that must still differ")
                .isEqualTo("2026-12-07T12:00:05.001Z");
    }

    @Test
    void shouldTellARolloutOfTheSecondOfTheChangeThatCameBeforeIt() {
        Optional<String> stamped = Optional.of("2026-12-07T12:00:05Z");
        Instant before = Instant.parse("2026-12-07T12:00:05.200Z");
        Instant after = Instant.parse("2026-12-07T12:00:05.700Z");

        assertThat(RolloutStamp.precededChange(stamped, Optional.of(CHANGED), List.of(before)))
                .isTrue();
        assertThat(RolloutStamp.precededChange(stamped, Optional.of(CHANGED), List.of(after)))
                .isFalse();
        assertThat(RolloutStamp.precededChange(stamped, Optional.of(CHANGED), List.of()))
                .as("another binding's rollout: nothing journaled here says it came first")
                .isFalse();
        assertThat(RolloutStamp.precededChange(
                        Optional.of("2026-12-07T12:00:04Z"),
                        Optional.of(CHANGED),
                        List.of(Instant.parse("2026-12-07T12:00:04.500Z"))))
                .as("another second: start times decide")
                .isFalse();
        assertThat(RolloutStamp.precededChange(
                        Optional.of("2026-12-07T12:00:05.300Z"), Optional.of(CHANGED), List.of()))
                .as("a stamp with a fraction tells by itself")
                .isTrue();
        assertThat(RolloutStamp.precededChange(
                        Optional.of("2026-12-07T12:00:05.912Z"), Optional.of(CHANGED), List.of()))
                .isFalse();
        assertThat(RolloutStamp.precededChange(stamped, Optional.empty(), List.of(before)))
                .isFalse();
    }
}
