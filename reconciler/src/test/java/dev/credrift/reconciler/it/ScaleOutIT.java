package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.reconciler.Reconciler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reconcilers scale out as one Kafka consumer group (architecture.md §3): records are keyed by binding, so each binding is
 * handled by one reconciler at a time. Two of them heal every drifted binding exactly once between them, and when
 * one stops, the other takes its partitions over and heals what comes next.
 */
class ScaleOutIT extends OnItWorld {

    private static final int BINDINGS = 8;

    @Test
    void shouldHealEachBindingOnceWhenTwoReconcilersShareTheGroupAndOneStops() {
        List<BindingId> bindings = world.staleBindings(BINDINGS);
        Reconciler one = world.deploy();
        Reconciler two = world.deploy();

        bindings.forEach(world::nudge);
        bindings.forEach(world::nudge); // duplicates, as a watcher resync would send
        await().atMost(120, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> world.outcomes(RemediationSucceeded.class).size() >= BINDINGS);
        world.awaitCommitted();
        world.awaitIdle(one);
        world.awaitIdle(two);

        assertThat(startsPerBinding())
                .hasSize(BINDINGS)
                .allSatisfy((id, starts) -> assertThat(starts).isOne());
        for (int i = 0; i < BINDINGS; i++) {
            assertThat(world.rollouts("app-" + i)).as("app-" + i).isEqualTo(1);
        }

        // one reconciler goes away: the other takes its partitions over and heals the next drift of every binding
        world.stop(one);
        world.rookSecret(world.rotate(ItWorld.USER));
        bindings.forEach(world::nudge);
        await().atMost(120, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> world.outcomes(RemediationSucceeded.class).size() >= 2 * BINDINGS);
        world.awaitCommitted();
        world.awaitIdle(two);

        assertThat(startsPerBinding())
                .hasSize(BINDINGS)
                .allSatisfy((id, starts) -> assertThat(starts).isEqualTo(2));
        for (int i = 0; i < BINDINGS; i++) {
            assertThat(world.rollouts("app-" + i)).as("app-" + i).isEqualTo(2);
        }
    }

    private Map<BindingId, Long> startsPerBinding() {
        return world.outcomes(RemediationStarted.class).stream()
                .collect(Collectors.groupingBy(RemediationStarted::bindingId, Collectors.counting()));
    }
}
