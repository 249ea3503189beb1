package dev.credrift.reconciler.report;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.resilience.Guard;
import dev.credrift.reconciler.resilience.Guards;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The reconciler's metrics, on the registry the app passes in. Tags are classes, outcomes, step kinds, verdicts and
 * system names; never a binding's credential, and no binding id either (unbounded cardinality).
 */
public final class ReconcilerMetrics {

    private final MeterRegistry registry;

    public ReconcilerMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A drift class was found (counted when a binding's verdict changes). */
    public void drift(DriftClass driftClass) {
        Counter.builder("credrift.reconciler.drifts").description("Drifts detected, by class")
                .tag("class", driftClass.name()).register(registry).increment();
    }

    /** A remediation ended: succeeded, failed, halted, planned (Observe) or abandoned. */
    public void remediation(String outcome) {
        Counter.builder("credrift.reconciler.remediations").description("Remediations, by outcome")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    public void step(StepKind kind, String result, Duration duration) {
        Timer.builder("credrift.reconciler.step.duration").description("Remediation step durations")
                .tag("step", kind.name()).tag("result", result.toLowerCase(Locale.ROOT)).register(registry)
                .record(duration);
    }

    public void probe(StoreVerdict verdict) {
        Counter.builder("credrift.reconciler.probes").description("Store probe verdicts")
                .tag("verdict", verdict.name()).register(registry).increment();
    }

    /** A record that could not be decoded or handled went to the dead-letter topic. */
    public void deadLetter(String reason) {
        Counter.builder("credrift.reconciler.deadletters").tag("reason", reason).register(registry).increment();
    }

    /** Breaker state per system: 0 closed, 1 half-open, 2 open, 3 other (disabled, forced). */
    public void breakers(Guards guards) {
        for (Guard guard : List.of(guards.kubernetes(), guards.onePassword(), guards.store(),
                guards.storeAdmin(), guards.sts())) {
            CircuitBreaker breaker = guard.breaker();
            Gauge.builder("credrift.reconciler.breaker.state", breaker, ReconcilerMetrics::state)
                    .description("Circuit breaker state: 0 closed, 1 half-open, 2 open, 3 other")
                    .tag("system", guard.system().tag()).register(registry);
        }
    }

    private static double state(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
            default -> 3;
        };
    }
}
