package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, soak seed 6794116738806631752: two rollouts and a rotation within one second. Whether a rollout of the
 * change's second came before it is told by {@code OnReplica} now (OnReplicaTest, RollOutJudgementTest).
 */
class RolloutStampTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:05.912Z");

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
}
