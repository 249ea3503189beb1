package dev.credrift.reconciler.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutBudgetTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldStopWhenTheGlobalBudgetIsSpent() {
        RolloutBudget budget = new RolloutBudget(2);

        assertThat(budget.takeGlobal(NOW)).isTrue();
        assertThat(budget.takeGlobal(NOW.plusSeconds(1))).isTrue();
        assertThat(budget.takeGlobal(NOW.plusSeconds(2))).isFalse();
        assertThat(budget.globalLeft(NOW.plusSeconds(2))).isZero();
    }

    @Test
    void shouldFreeARestartOnlyAnHourAfterItWhenTheWindowSlides() {
        RolloutBudget budget = new RolloutBudget(2);
        budget.takeGlobal(NOW);
        budget.takeGlobal(NOW.plus(Duration.ofMinutes(30)));

        assertThat(budget.takeGlobal(NOW.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(budget.takeGlobal(NOW.plus(Duration.ofMinutes(60)))).isTrue();
        assertThat(budget.takeGlobal(NOW.plus(Duration.ofMinutes(61)))).isFalse();
    }

    @Test
    void shouldCountJournaledRestartsWhenSeededOnStart() {
        RolloutBudget budget = new RolloutBudget(3);

        budget.seed(
                List.of(
                        NOW.minus(Duration.ofMinutes(90)),
                        NOW.minus(Duration.ofMinutes(20)),
                        NOW.minus(Duration.ofMinutes(5))),
                NOW);

        assertThat(budget.globalLeft(NOW)).isEqualTo(1);
        assertThat(budget.takeGlobal(NOW)).isTrue();
        assertThat(budget.takeGlobal(NOW)).isFalse();
        assertThat(budget.globalLeft(NOW.plus(Duration.ofMinutes(41)))).isEqualTo(1);
    }

    @Test
    void shouldRefuseWhenTheGlobalLimitIsBelowOne() {
        assertThatThrownBy(() -> new RolloutBudget(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
