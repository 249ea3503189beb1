package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.probe.ProbeTimeouts;
import dev.credrift.reconciler.probe.Probing;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, soak seed {@code -2351222611267021039}: a user the store suspended is reinstated. That is a store-side
 * change no watcher sees, so only the store re-check ({@code probing.storeRecheck}) can find out that
 * {@code AuthorityRejected} is no longer true — and it must ask the store, not the probe cache.
 */
class RejectedAuthorityRecheckIT extends OnItWorld {

    private static final Duration RECHECK = Duration.ofSeconds(3);
    // the cache would keep the refusal 30 s: a bound of recheck + margin fails if the re-check reused it
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Duration BOUND = RECHECK.plusSeconds(7);

    @Test
    void shouldReportInSyncWithinTheRecheckWhenARejectedUserIsReinstatedWithNoKubernetesChange() {
        world.story1(spec -> spec);
        Reconciler reconciler = world.deploy(world.config()
                .withProbing(new Probing(
                        new ProbeTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(8)),
                        CACHE_TTL,
                        Duration.ofMinutes(5),
                        RECHECK)));
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.status(LOKI)
                        .condition(ConditionType.IN_SYNC)
                        .filter(c -> c.isTrue())
                        .isPresent());
        world.awaitIdle(reconciler);

        world.store.suspend(ItWorld.USER);
        world.nudge(LOKI);
        await().atMost(30, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> world.status(LOKI)
                        .condition(ConditionType.IN_SYNC)
                        .filter(c -> "AuthorityRejected".equals(c.reason()))
                        .isPresent());

        Instant reinstated = Instant.now();
        world.store.resume(ItWorld.USER);
        await().atMost(BOUND)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> world.status(LOKI)
                        .condition(ConditionType.IN_SYNC)
                        .filter(c -> c.isTrue())
                        .isPresent());
        Duration healed = Duration.between(reinstated, Instant.now());
        System.out.println("reinstated authority reported in sync " + healed.toMillis() + " ms after the change");
        assertThat(healed).isLessThan(BOUND);
    }
}
