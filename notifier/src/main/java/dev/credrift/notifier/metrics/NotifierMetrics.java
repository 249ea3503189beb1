package dev.credrift.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Collection;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The notifier's meters on the registry of {@link dev.credrift.notifier.NotifierEnvironment#meters()}. Tags are sink
 * names (from the configuration, so bounded) and results; never a URL, key or binding.
 */
public final class NotifierMetrics {

    public static final String NOTIFICATIONS = "credrift.notifier.notifications";
    public static final String SUPPRESSED = "credrift.notifier.suppressed";
    public static final String DEAD_LETTERS = "credrift.notifier.deadletters";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final Counter deadLetters;

    /** Registers every sink's series at zero. */
    public NotifierMetrics(MeterRegistry registry, Collection<String> sinks) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (String sink : sinks) {
            notifications(sink, DELIVERED);
            notifications(sink, FAILED);
            suppressed(sink);
        }
        deadLetters = Counter.builder(DEAD_LETTERS)
                .description("Outcome records that could not be decoded, sent to the dead-letter topic")
                .register(registry);
    }

    /** Gauges of the records read and not yet released, and of the remediations being followed (held strongly). */
    public void progress(IntSupplier inFlight, IntSupplier openRemediations) {
        Gauge.builder("credrift.notifier.records.in.flight", inFlight, IntSupplier::getAsInt)
                .description("Outcome records read and not yet delivered or dead-lettered")
                .strongReference(true)
                .register(registry);
        Gauge.builder("credrift.notifier.remediations.open", openRemediations, IntSupplier::getAsInt)
                .description("Bindings whose remediation (or detected drift) the notifier is following")
                .strongReference(true)
                .register(registry);
    }

    /** A sink accepted a notification. */
    public void delivered(String sink) {
        notifications(sink, DELIVERED).increment();
    }

    /** A notification was given up on after its last attempt (dead-lettered, {@code NotificationFailed}). */
    public void failed(String sink) {
        notifications(sink, FAILED).increment();
    }

    /** The dedup window held a notification back. */
    public void suppressed(String sink, int count) {
        suppressed(sink).increment(count);
    }

    public void deadLettered() {
        deadLetters.increment();
    }

    /**
     * Kafka's own client metrics of the outcome consumer (Micrometer's Kafka client binder), tagged with the group.
     *
     * @return closes the binder
     */
    public AutoCloseable kafkaConsumer(Consumer<?, ?> consumer, String group) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer, Tags.of("group", group));
        binder.bindTo(registry);
        return binder;
    }

    private Counter notifications(String sink, String result) {
        return Counter.builder(NOTIFICATIONS)
                .description("Notifications per sink: delivered, or failed for good")
                .tag("sink", sink)
                .tag("result", result)
                .register(registry);
    }

    private Counter suppressed(String sink) {
        return Counter.builder(SUPPRESSED)
                .description("Notifications the dedup window held back, per sink")
                .tag("sink", sink)
                .register(registry);
    }
}
