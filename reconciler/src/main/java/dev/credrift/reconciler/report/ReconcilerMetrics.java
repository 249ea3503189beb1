package dev.credrift.reconciler.report;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.resilience.Guard;
import dev.credrift.reconciler.resilience.Guards;
import dev.credrift.reconciler.resilience.RolloutBudget;
import dev.credrift.reconciler.rotate.RotationMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The reconciler's metrics, on the registry the app passes in. Every series of a known label value exists from the
 * start at zero, so that alerts can use {@code rate} and {@code absent} from the first scrape. Aggregate tags are
 * classes, outcomes, step kinds, verdicts and system names; the per-binding gauges carry the binding's namespace and
 * name (bounded by the number of bindings, like kube-state-metrics), never a credential.
 */
public final class ReconcilerMetrics {

    /**
     * Remediation outcomes: succeeded, failed, halted, planned (Observe), abandoned (spec invalid), deferred (a
     * budget or a busy dependency postponed it), superseded (a newer drift replaced it).
     */
    public static final List<String> OUTCOMES =
            List.of("succeeded", "failed", "halted", "planned", "abandoned", "deferred", "superseded");

    static final String DRIFTS = "credrift.reconciler.drifts";
    static final String REMEDIATIONS = "credrift.reconciler.remediations";
    static final String STEP_DURATION = "credrift.reconciler.step.duration";
    static final String PROBES = "credrift.reconciler.probes";
    static final String BINDINGS = "credrift.reconciler.bindings";
    static final String BINDINGS_HALTED = "credrift.reconciler.bindings.halted";
    static final String BINDING_STATE = "credrift.reconciler.binding.state";
    static final String BINDING_HALTED = "credrift.reconciler.binding.halted";
    static final String BINDING_DRIFT_AGE = "credrift.reconciler.binding.drift.age";
    static final String BINDING_ROLLOUTS = "credrift.reconciler.binding.rollouts";
    static final String BUDGET_LEFT = "credrift.reconciler.rollout.budget.remaining";

    private final MeterRegistry registry;
    private final Clock clock;
    private final BindingCensus census = new BindingCensus();
    private final MultiGauge bindingState;
    private final MultiGauge bindingHalted;
    private final MultiGauge bindingDriftAge;
    private final MultiGauge bindingRollouts;
    private final RotationMetrics rotations;

    public ReconcilerMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    public ReconcilerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rotations = new RotationMetrics(registry, clock);
        for (DriftClass driftClass : DriftClass.values()) {
            drifts(driftClass);
        }
        OUTCOMES.forEach(this::remediations);
        for (StepKind kind : StepKind.values()) {
            for (RemediationStepFinished.Result result : RemediationStepFinished.Result.values()) {
                steps(kind, result.name());
            }
        }
        for (StoreVerdict verdict : StoreVerdict.values()) {
            probes(verdict);
        }
        for (String state : BindingCensus.STATES) {
            Gauge.builder(BINDINGS, census, c -> c.count(state))
                    .description("Bindings this reconciler owns, by the state of their last assessment")
                    .tag("state", state)
                    .register(registry);
        }
        Gauge.builder(BINDINGS_HALTED, census, BindingCensus::halted)
                .description("Bindings this reconciler owns that are halted (no automatic action until cleared)")
                .register(registry);
        bindingState = MultiGauge.builder(BINDING_STATE)
                .description("1 for each owned binding, labelled with the state of its last assessment")
                .register(registry);
        bindingHalted = MultiGauge.builder(BINDING_HALTED)
                .description("1 when the binding is halted, else 0")
                .register(registry);
        bindingDriftAge = MultiGauge.builder(BINDING_DRIFT_AGE)
                .baseUnit("seconds")
                .description("How long the binding has been out of sync (0 while in sync)")
                .register(registry);
        bindingRollouts = MultiGauge.builder(BINDING_ROLLOUTS)
                .description(
                        "The binding's rollouts in the last hour (its spec.rollout.maxPerHour budget counts these)")
                .register(registry);
    }

    /** The global rollout budget: workload restarts left in the sliding hour, and the limit. */
    public void budget(RolloutBudget rollouts, int globalPerHour) {
        Gauge.builder(BUDGET_LEFT, rollouts, b -> b.globalLeft(clock.instant()))
                .description("Workload restarts left in the global budget of the sliding hour")
                .register(registry);
        Gauge.builder("credrift.reconciler.rollout.budget.limit", () -> globalPerHour)
                .description("limits.globalRolloutsPerHour")
                .strongReference(true)
                .register(registry);
    }

    /** A drift class was found (counted when a binding's verdict changes). */
    public void drift(DriftClass driftClass) {
        drifts(driftClass).increment();
    }

    /** A remediation ended with one of {@link #OUTCOMES}. */
    public void remediation(String outcome) {
        remediations(outcome.toLowerCase(Locale.ROOT)).increment();
    }

    public void step(StepKind kind, String result, Duration duration) {
        steps(kind, result).record(duration);
    }

    public void probe(StoreVerdict verdict) {
        probes(verdict).increment();
    }

    /** A record that could not be decoded or handled went to the dead-letter topic. */
    public void deadLetter(String reason) {
        Counter.builder("credrift.reconciler.deadletters")
                .description("Records sent to the dead-letter topic")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** Breaker state per system: 0 closed, 1 half-open, 2 open, 3 other (disabled, forced). */
    public void breakers(Guards guards) {
        for (Guard guard :
                List.of(guards.kubernetes(), guards.onePassword(), guards.store(), guards.storeAdmin(), guards.sts())) {
            CircuitBreaker breaker = guard.breaker();
            Gauge.builder("credrift.reconciler.breaker.state", breaker, ReconcilerMetrics::state)
                    .description("Circuit breaker state: 0 closed, 1 half-open, 2 open, 3 other")
                    .tag("system", guard.system().tag())
                    .register(registry);
        }
    }

    /**
     * Kafka's own client metrics of the observation consumer (Micrometer's Kafka client binder), tagged with the
     * consumer group; among them {@code kafka_consumer_fetch_manager_records_lag_max}, the lag alerts use.
     *
     * @return closes the binder (stops its refresh, removes its meters)
     */
    public AutoCloseable kafkaConsumer(Consumer<?, ?> consumer, String group) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer, Tags.of("group", group));
        binder.bindTo(registry);
        return binder;
    }

    /** Partitions were assigned: the binding gauges now cover {@code owned} bindings, as the journal has them. */
    public void bindingsAssigned(Predicate<BindingId> owned, Collection<JournalEntry> journal) {
        census.assigned(owned, journal);
        refreshBindings();
    }

    /** A binding was handled; {@code entry} is its journal record afterwards. */
    public void bindingHandled(JournalEntry entry) {
        if (census.handled(entry)) {
            refreshBindings();
        }
    }

    /** A binding was deleted: its per-binding series go away. */
    /** Rotation outcomes and key age per binding, on the same registry (issue 17). */
    public RotationMetrics rotations() {
        return rotations;
    }

    public void bindingGone(BindingId id) {
        if (census.gone(id)) {
            refreshBindings();
        }
    }

    private void refreshBindings() {
        List<BindingCensus.Standing> standings = census.standings();
        bindingState.register(
                standings.stream()
                        .map(s -> MultiGauge.Row.of(tags(s.id()).and("state", s.state()), 1))
                        .toList(),
                true);
        bindingHalted.register(
                standings.stream()
                        .map(s -> MultiGauge.Row.of(tags(s.id()), s.halted() ? 1 : 0))
                        .toList(),
                true);
        bindingDriftAge.register(
                standings.stream()
                        .map(s -> MultiGauge.Row.of(tags(s.id()), s, standing -> standing.driftSeconds(clock)))
                        .toList(),
                true);
        bindingRollouts.register(
                standings.stream()
                        .map(s -> MultiGauge.Row.of(tags(s.id()), s, standing -> standing.rolloutsInWindow(clock)))
                        .toList(),
                true);
    }

    private static Tags tags(BindingId id) {
        // not "namespace": Prometheus's own target label of that name would rename ours to exported_namespace
        return Tags.of("binding_namespace", id.namespace(), "binding_name", id.name());
    }

    private Counter drifts(DriftClass driftClass) {
        return Counter.builder(DRIFTS)
                .description("Drifts detected, by class")
                .tag("class", driftClass.name())
                .register(registry);
    }

    private Counter remediations(String outcome) {
        return Counter.builder(REMEDIATIONS)
                .description("Remediations, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Timer steps(StepKind kind, String result) {
        return Timer.builder(STEP_DURATION)
                .description("Remediation step durations")
                .tag("step", kind.name())
                .tag("result", result.toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter probes(StoreVerdict verdict) {
        return Counter.builder(PROBES)
                .description("Store probe verdicts")
                .tag("verdict", verdict.name())
                .register(registry);
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
