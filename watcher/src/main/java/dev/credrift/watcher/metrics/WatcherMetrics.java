package dev.credrift.watcher.metrics;

import dev.credrift.connect.ConnectAnswer;
import dev.credrift.watcher.WatcherStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The watcher's meters. Counters and gauges read the watcher's own {@link WatcherStats} at scrape time; 1Password
 * polls are counted per Connect answer. Tags are results only; never a binding, vault or item name.
 */
public final class WatcherMetrics {

    public static final String PUBLISHED = "credrift.watcher.observations.published";
    public static final String POLLS = "credrift.watcher.onepassword.polls";
    /** Connect answers: 2xx; 401/403; 404; 429, 5xx or no answer. */
    public static final List<String> POLL_RESULTS = List.of("ok", "forbidden", "not_found", "unreachable");

    private final MeterRegistry registry;
    // Micrometer references a function meter's object weakly: this keeps the watcher's supplier alive
    private Supplier<WatcherStats> stats;

    public WatcherMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        POLL_RESULTS.forEach(this::polls);
    }

    /**
     * Binds the meters that read {@code stats} (a snapshot of the watcher, cheap to take). Held here: Micrometer
     * references a gauge's object weakly, and a bare method reference would be collected (its gauges would read NaN).
     */
    public void bind(Supplier<WatcherStats> stats) {
        this.stats = stats;
        FunctionCounter.builder(PUBLISHED, stats, s -> s.get().published())
                .description("Observations Kafka acknowledged")
                .register(registry);
        FunctionCounter.builder(
                        "credrift.watcher.observation.send.failures",
                        stats,
                        s -> s.get().failedSends())
                .description("Observation sends that failed (each is retried)")
                .register(registry);
        FunctionCounter.builder(
                        "credrift.watcher.observations.dropped",
                        stats,
                        s -> s.get().dropped())
                .description("Observations dropped because the queue was full (republished at the next resync)")
                .register(registry);
        Gauge.builder(
                        "credrift.watcher.observations.pending",
                        stats,
                        s -> s.get().pending())
                .description("Observations queued or in flight")
                .register(registry);
        Gauge.builder("credrift.watcher.informers", stats, s -> s.get().informers())
                .description("Informers running")
                .register(registry);
        Gauge.builder("credrift.watcher.caches.synced", stats, s -> s.get().synced() ? 1 : 0)
                .description("1 once every informer's cache has synced since start")
                .register(registry);
        Gauge.builder("credrift.watcher.leader", stats, s -> s.get().leader() ? 1 : 0)
                .description("1 when this replica holds the lease (or election is off) and publishes")
                .register(registry);
        Gauge.builder("credrift.watcher.bindings", stats, s -> s.get().bindings())
                .description("CredentialBindings the watcher knows")
                .register(registry);
    }

    /** One 1Password Connect request came back with {@code answer}. */
    public void polled(ConnectAnswer answer) {
        polls(result(answer)).increment();
    }

    static String result(ConnectAnswer answer) {
        if (answer instanceof ConnectAnswer.Failed failed) {
            return switch (failed.code()) {
                case FORBIDDEN -> "forbidden";
                case MISSING_OBJECT -> "not_found";
                default -> "unreachable";
            };
        }
        return "ok";
    }

    private Counter polls(String result) {
        return Counter.builder(POLLS)
                .description("1Password Connect requests of the vault poller, by result")
                .tag("result", result)
                .register(registry);
    }
}
