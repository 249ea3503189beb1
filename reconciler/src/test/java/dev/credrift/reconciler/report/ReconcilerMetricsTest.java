package dev.credrift.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.journal.HaltRecord;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.LastVerdict;
import dev.credrift.reconciler.resilience.GuardSettings;
import dev.credrift.reconciler.resilience.Guards;
import dev.credrift.reconciler.resilience.RolloutBudget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcilerMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReconcilerMetrics metrics = new ReconcilerMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        vertx.close();
    }

    @Test
    void shouldFollowEachBreakersStateWhenItOpensHalfOpensAndCloses() {
        Guards guards = Guards.create(
                GuardSettings.defaults(),
                GuardSettings.defaults(),
                GuardSettings.defaults(),
                scheduler,
                vertx.createSharedWorkerExecutor("metrics-test"));
        metrics.breakers(guards);

        assertThat(breaker("store")).isZero();
        guards.store().breaker().transitionToOpenState();
        assertThat(breaker("store")).isEqualTo(2);
        assertThat(breaker("kubernetes")).as("another system's breaker").isZero();
        guards.store().breaker().transitionToHalfOpenState();
        assertThat(breaker("store")).isEqualTo(1);
        guards.store().breaker().transitionToClosedState();
        assertThat(breaker("store")).isZero();
        guards.onePassword().breaker().transitionToForcedOpenState();
        assertThat(breaker(guards.onePassword().system().tag())).isEqualTo(3);
    }

    @Test
    void shouldCountByTagWhenDriftsRemediationsProbesAndStepsHappen() {
        metrics.drift(DriftClass.VAULT_STALE);
        metrics.drift(DriftClass.VAULT_STALE);
        metrics.remediation("SUCCEEDED");
        metrics.probe(StoreVerdict.ACCEPTED);
        metrics.step(StepKind.ROLL_OUT, "DONE", Duration.ofMillis(30));

        assertThat(registry.get("credrift.reconciler.drifts")
                        .tag("class", "VAULT_STALE")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("credrift.reconciler.remediations")
                        .tag("outcome", "succeeded")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("credrift.reconciler.probes")
                        .tag("verdict", "ACCEPTED")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("credrift.reconciler.step.duration")
                        .tag("step", "ROLL_OUT")
                        .tag("result", "done")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldReportTheGlobalBudgetLeftWhenRestartsAreTaken() {
        RolloutBudget budget = new RolloutBudget(3);
        metrics.budget(budget, 3);
        budget.takeGlobal(NOW.minusSeconds(60));

        assertThat(registry.get(ReconcilerMetrics.BUDGET_LEFT).gauge().value()).isEqualTo(2);
        assertThat(registry.get("credrift.reconciler.rollout.budget.limit")
                        .gauge()
                        .value())
                .isEqualTo(3);
    }

    private double breaker(String system) {
        return registry.get("credrift.reconciler.breaker.state")
                .tag("system", system)
                .gauge()
                .value();
    }

    @Test
    void shouldExposeEveryKnownSeriesAtZeroWhenNothingHappenedYet() {
        for (DriftClass c : DriftClass.values()) {
            assertThat(registry.get(ReconcilerMetrics.DRIFTS)
                            .tag("class", c.name())
                            .counter()
                            .count())
                    .isZero();
        }
        for (String outcome :
                List.of("succeeded", "failed", "halted", "planned", "abandoned", "deferred", "superseded")) {
            assertThat(registry.get(ReconcilerMetrics.REMEDIATIONS)
                            .tag("outcome", outcome)
                            .counter()
                            .count())
                    .as(outcome)
                    .isZero();
        }
        for (StoreVerdict v : StoreVerdict.values()) {
            assertThat(registry.get(ReconcilerMetrics.PROBES)
                            .tag("verdict", v.name())
                            .counter()
                            .count())
                    .isZero();
        }
        for (StepKind k : StepKind.values()) {
            assertThat(registry.get(ReconcilerMetrics.STEP_DURATION)
                            .tag("step", k.name())
                            .tag("result", "failed")
                            .timer()
                            .count())
                    .isZero();
        }
        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "AUTHORITY_REJECTED")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "UNDETERMINED")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get(ReconcilerMetrics.BINDINGS_HALTED).gauge().value())
                .isZero();
    }

    @Test
    void shouldCountOnlyOwnedBindingsByStateAndHaltWhenPartitionsAreAssigned() {
        JournalEntry loki = JournalEntry.empty(LOKI)
                .withLastVerdict(new LastVerdict("VAULT_STALE", "x", NOW.minusSeconds(600)))
                .withDriftedSince(NOW.minusSeconds(600))
                .withHalt(new HaltRecord(
                        NOW.minusSeconds(60), RemediationHalted.Reason.READINESS_GATE_FAILED, "gate", "r1", 1))
                .withRollouts(List.of(NOW.minusSeconds(4000), NOW.minusSeconds(1200), NOW.minusSeconds(300)));
        JournalEntry tempo =
                JournalEntry.empty(TEMPO).withLastVerdict(new LastVerdict("UNDETERMINED_STORE_UNREACHABLE", "", NOW));

        metrics.bindingsAssigned(Set.of(LOKI)::contains, List.of(loki, tempo));

        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "VAULT_STALE")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "UNDETERMINED")
                        .gauge()
                        .value())
                .as("tempo's partition is another replica's")
                .isZero();
        assertThat(registry.get(ReconcilerMetrics.BINDINGS_HALTED).gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(ReconcilerMetrics.BINDING_DRIFT_AGE)
                        .tag("binding_namespace", "monitoring")
                        .tag("binding_name", "loki-s3")
                        .gauge()
                        .value())
                .isEqualTo(600);
        assertThat(registry.get(ReconcilerMetrics.BINDING_ROLLOUTS)
                        .tag("binding_name", "loki-s3")
                        .gauge()
                        .value())
                .as("two rollouts inside the hour")
                .isEqualTo(2);
        assertThat(registry.get(ReconcilerMetrics.BINDING_STATE)
                        .tag("binding_name", "loki-s3")
                        .gauge()
                        .getId()
                        .getTag("state"))
                .isEqualTo("VAULT_STALE");

        metrics.bindingHandled(
                loki.withHalt(null).withDriftedSince(null).withLastVerdict(new LastVerdict("IN_SYNC", "y", NOW)));

        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "VAULT_STALE")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "IN_SYNC")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get(ReconcilerMetrics.BINDINGS_HALTED).gauge().value())
                .isZero();
        assertThat(registry.get(ReconcilerMetrics.BINDING_DRIFT_AGE)
                        .tag("binding_name", "loki-s3")
                        .gauge()
                        .value())
                .isZero();

        metrics.bindingGone(LOKI);

        assertThat(registry.get(ReconcilerMetrics.BINDINGS)
                        .tag("state", "IN_SYNC")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.find(ReconcilerMetrics.BINDING_STATE).gauges()).isEmpty();
    }
}
