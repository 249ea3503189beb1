package dev.credrift.app.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@code /readyz}'s verdict over every dependency of the started roles. A failing {@link Impact#UNREADY} dependency
 * (Kafka, the Kubernetes API, a role not started) makes the process not ready; a failing {@link Impact#DEGRADED} one
 * (1Password Connect) leaves it ready but degraded. Reasons name each failing dependency.
 */
public final class ReadinessBoard {

    /** What a failing dependency does to the verdict. */
    public enum Impact {
        UNREADY,
        DEGRADED
    }

    /** One dependency's verdict now. */
    public record Entry(String dependency, Impact impact, Readiness readiness) {}

    private record Source(String dependency, Impact impact, Supplier<Readiness> readiness) {}

    private final List<Source> sources = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final MeterRegistry registry;

    /** Registers {@code credrift_ready} and {@code credrift_degraded}, and a gauge per dependency added later. */
    public ReadinessBoard(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("credrift.ready", this, board -> board.current().serving() ? 1 : 0)
                .description("1 when /readyz answers 200 (ready, or ready but degraded), else 0")
                .register(registry);
        Gauge.builder("credrift.degraded", this, board -> board.current() instanceof Readiness.Degraded ? 1 : 0)
                .description("1 when a dependency that only degrades credrift (1Password Connect) is failing")
                .register(registry);
    }

    public void add(String dependency, Impact impact, Supplier<Readiness> readiness) {
        sources.add(new Source(dependency, impact, readiness));
        Gauge.builder(
                        "credrift.dependency.ready",
                        readiness,
                        verdict -> verdict.get() instanceof Readiness.Ready ? 1 : 0)
                .description("1 when the dependency (or, for roles, every started role) answers its readiness check")
                .tag("dependency", dependency)
                .tag("impact", impact.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    /** Every dependency's verdict now. */
    public List<Entry> entries() {
        return sources.stream()
                .map(s -> new Entry(s.dependency(), s.impact(), s.readiness().get()))
                .toList();
    }

    public Readiness current() {
        return combine(entries(), clock.instant());
    }

    /** Not ready if an UNREADY dependency fails, else degraded if a DEGRADED one fails, else ready. */
    public static Readiness combine(List<Entry> entries, Instant now) {
        List<String> unready = failing(entries, Impact.UNREADY);
        if (!unready.isEmpty()) {
            return new Readiness.NotReady(String.join("; ", unready), now);
        }
        List<String> degraded = failing(entries, Impact.DEGRADED);
        if (!degraded.isEmpty()) {
            return new Readiness.Degraded(String.join("; ", degraded), now);
        }
        return new Readiness.Ready(now);
    }

    private static List<String> failing(List<Entry> entries, Impact impact) {
        return entries.stream()
                .filter(e -> e.impact() == impact && !(e.readiness() instanceof Readiness.Ready))
                .map(e -> e.readiness().reason())
                .toList();
    }
}
