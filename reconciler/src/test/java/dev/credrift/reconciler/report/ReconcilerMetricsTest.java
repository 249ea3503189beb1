package dev.credrift.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.resilience.GuardSettings;
import dev.credrift.reconciler.resilience.Guards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcilerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReconcilerMetrics metrics = new ReconcilerMetrics(registry);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        vertx.close();
    }

    @Test
    void shouldFollowEachBreakersStateWhenItOpensHalfOpensAndCloses() {
        Guards guards = Guards.create(GuardSettings.defaults(), GuardSettings.defaults(), GuardSettings.defaults(),
                scheduler, vertx.createSharedWorkerExecutor("metrics-test"));
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

        assertThat(registry.get("credrift.reconciler.drifts").tag("class", "VAULT_STALE").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("credrift.reconciler.remediations").tag("outcome", "succeeded").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("credrift.reconciler.probes").tag("verdict", "ACCEPTED").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("credrift.reconciler.step.duration").tag("step", "ROLL_OUT").tag("result", "done")
                .timer().count()).isEqualTo(1);
    }

    private double breaker(String system) {
        return registry.get("credrift.reconciler.breaker.state").tag("system", system).gauge().value();
    }
}
