package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.ReconcilerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A rollout storm is worse than the drift: 50 bindings whose consumers are stale at once get at most the global
 * rollout budget of restarts; the rest wait (deferred, said in status), none is rolled twice. A reconciler restarted
 * within the hour rebuilds the budget from the journal instead of starting with a full one.
 */
class RolloutStormIT extends OnItWorld {

    private static final int BINDINGS = 50;
    private static final int GLOBAL_PER_HOUR = 10;

    @Test
    void shouldRollNoMoreThanTheGlobalBudgetWhenFiftyBindingsDriftAtOnceAndTheReconcilerRestarts() {
        List<BindingId> bindings = world.staleBindings(BINDINGS);
        ReconcilerConfig limited =
                world.config().withLimits(new ReconcilerConfig.Limits(GLOBAL_PER_HOUR, 30, Duration.ofSeconds(10)));
        Reconciler reconciler = world.deploy(limited);

        bindings.forEach(world::nudge);
        await().atMost(180, TimeUnit.SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> concluded(bindings) == BINDINGS);
        world.awaitIdle(reconciler);
        bindings.forEach(world::nudge);
        world.awaitIdle(reconciler);

        assertThat(world.totalRollouts()).isEqualTo(GLOBAL_PER_HOUR);
        for (int i = 0; i < BINDINGS; i++) {
            assertThat(world.rollouts("app-" + i)).isLessThanOrEqualTo(1);
        }
        assertThat(world.outcomes(RemediationSucceeded.class)).hasSize(GLOBAL_PER_HOUR);
        // a spent budget defers, never fails (architecture.md §5.1 rule 4)
        assertThat(world.outcomes(RemediationFailed.class)).isEmpty();
        Set<BindingId> deferred = world.outcomes(RemediationDeferred.class).stream()
                .filter(d -> d.reason().equals("GLOBAL_ROLLOUT_LIMIT"))
                .map(RemediationDeferred::bindingId)
                .collect(Collectors.toSet());
        assertThat(deferred).hasSize(BINDINGS - GLOBAL_PER_HOUR);
        assertThat(deferred)
                .allSatisfy(id -> assertThat(world.status(id).condition(ConditionType.REMEDIATING))
                        .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("Deferred")));

        world.stop(reconciler);
        Reconciler restarted = world.deploy(limited);
        List<BindingId> later = world.bindingsWithOwnSet(BINDINGS, 5);
        later.forEach(world::nudge);
        await().atMost(120, TimeUnit.SECONDS)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> concluded(later) == later.size());
        world.awaitIdle(restarted);

        assertThat(world.totalRollouts())
                .as("restarts after the reconciler restarted")
                .isEqualTo(GLOBAL_PER_HOUR);
        assertThat(world.outcomes(RemediationSucceeded.class)).hasSize(GLOBAL_PER_HOUR);
    }

    private int concluded(List<BindingId> bindings) {
        Set<BindingId> done = world.outcomes(RemediationSucceeded.class).stream()
                .map(RemediationSucceeded::bindingId)
                .collect(Collectors.toSet());
        world.outcomes(RemediationDeferred.class).stream()
                .filter(d -> d.reason().equals("GLOBAL_ROLLOUT_LIMIT"))
                .map(RemediationDeferred::bindingId)
                .forEach(done::add);
        return (int) bindings.stream().filter(done::contains).count();
    }
}
