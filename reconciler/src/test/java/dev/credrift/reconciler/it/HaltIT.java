package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.ReconcilerConfig;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5: a failed readiness gate halts the binding (no more automatic actions) until a human clears it; a
 * binding whose rollout budget is spent defers its next rollout instead.
 */
class HaltIT extends OnItWorld {

    @Test
    void shouldHaltUntilAHumanClearsItWhenRolledConsumersDoNotBecomeReady() {
        world.story1(spec -> spec.readinessTimeout("3s"));
        world.workloads.neverReady(ItWorld.set("loki"));
        // pods not ready for 2 s count as stale (a failed start, not a slow one)
        Reconciler reconciler = world.deploy(world.config()
                .withConsumers(new ReconcilerConfig.Consumers(Duration.ofSeconds(2), false, Duration.ofSeconds(1))));
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationHalted.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationHalted.class)).singleElement().satisfies(h -> {
            assertThat(h.reason()).isEqualTo(RemediationHalted.Reason.READINESS_GATE_FAILED);
            assertThat(h.detail()).contains("0/1 pods ready").contains("credrift.dev/clear-halt");
        });
        assertThat(world.status(LOKI).condition(ConditionType.HALTED)).hasValueSatisfying(c -> {
            assertThat(c.isTrue()).isTrue();
            assertThat(c.reason()).isEqualTo("ReadinessGateFailed");
        });
        assertThat(world.status(LOKI).halted()).isNotNull();
        assertThat(world.status(LOKI).lastRemediation().outcome()).isEqualTo(RemediationOutcome.HALTED);

        // halted: nudges assess but act no more
        world.nudge(LOKI);
        world.nudge(LOKI);
        world.awaitIdle(reconciler);
        assertThat(world.outcomes(RemediationStarted.class)).hasSize(1);
        assertThat(world.rollouts("loki")).isEqualTo(1);

        // a human fixes the pods and clears the halt
        world.workloads.readyAgain(ItWorld.set("loki"));
        world.clearHalt(ItWorld.BINDING);
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.rollouts("loki")).isEqualTo(2);
        assertThat(world.status(LOKI).condition(ConditionType.HALTED))
                .hasValueSatisfying(c -> assertThat(c.isFalse()).isTrue());
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(world.client
                        .resources(CredentialBinding.class)
                        .inNamespace(ItWorld.NS)
                        .withName(ItWorld.BINDING)
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .doesNotContainKey("credrift.dev/clear-halt");
        assertThat(world.audit()).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("HALT_CLEARED");
            assertThat(r.actor()).contains("human");
        });
    }

    @Test
    void shouldStayHaltedAcrossARestartAndResumeOnlyWhenTheSpecChanges() {
        world.story1(spec -> spec.readinessTimeout("3s"));
        world.workloads.neverReady(ItWorld.set("loki"));
        ReconcilerConfig config = world.config()
                .withConsumers(new ReconcilerConfig.Consumers(Duration.ofSeconds(2), false, Duration.ofSeconds(1)));
        Reconciler first = world.deploy(config);
        world.rookSecret(world.rotate(ItWorld.USER));
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationHalted.class).isEmpty());
        world.awaitIdle(first);
        world.stop(first);

        // the halt is in the journal: a new reconciler assesses but does not act
        Reconciler second = world.deploy(config);
        world.nudge(LOKI);
        world.awaitCommitted();
        world.awaitIdle(second);
        assertThat(world.outcomes(RemediationStarted.class)).hasSize(1);
        assertThat(world.rollouts("loki")).isEqualTo(1);
        assertThat(world.status(LOKI).condition(ConditionType.HALTED))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());

        // the owner fixes the pods and changes the spec: a new generation lifts the halt, no annotation needed
        world.workloads.readyAgain(ItWorld.set("loki"));
        long before = world.client
                .resources(CredentialBinding.class)
                .inNamespace(ItWorld.NS)
                .withName(ItWorld.BINDING)
                .get()
                .getMetadata()
                .getGeneration();
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(ItWorld.NS)
                .withName(ItWorld.BINDING)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"rollout\":{\"readinessTimeout\":\"30s\"}}}");
        assertThat(world.client
                        .resources(CredentialBinding.class)
                        .inNamespace(ItWorld.NS)
                        .withName(ItWorld.BINDING)
                        .get()
                        .getMetadata()
                        .getGeneration())
                .isGreaterThan(before);
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(second);

        assertThat(world.audit()).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("HALT_CLEARED");
            assertThat(r.reason()).contains("the spec changed");
        });
        assertThat(world.status(LOKI).condition(ConditionType.HALTED))
                .hasValueSatisfying(c -> assertThat(c.isFalse()).isTrue());
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    }

    @Test
    void shouldDeferNotHaltWhenTheBindingsRolloutBudgetIsSpent() {
        world.story1(spec -> spec.maxPerHour(1));
        Reconciler reconciler = world.deploy();
        world.rookSecret(world.rotate(ItWorld.USER));
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.outcomes(RemediationSucceeded.class).size() == 1);
        world.awaitIdle(reconciler);

        // RGW rotates again within the hour: the second rollout is over budget, so it waits for the hour to pass
        // (architecture.md §5.1 rule 4: budgets defer, never fail; a source that keeps moving halts as SOURCE_FLAPPING)
        world.rookSecret(world.rotate(ItWorld.USER));
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationDeferred.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationDeferred.class)).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("BINDING_ROLLOUT_LIMIT");
            assertThat(d.retryAt()).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
        });
        assertThat(world.outcomes(RemediationHalted.class)).isEmpty();
        assertThat(world.status(LOKI).condition(ConditionType.REMEDIATING))
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("Deferred"));
        assertThat(world.rollouts("loki")).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(5, TimeUnit.SECONDS).until(() -> world.rollouts("loki") == 1);
    }
}
