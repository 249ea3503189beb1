package dev.credrift.reconciler.rotate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rotation metrics: {@code credrift.reconciler.rotations} (counter, tag {@code outcome}: completed, failed,
 * refused, observed) and {@code credrift.reconciler.binding.key.age} (gauge in seconds, tag {@code binding}), exposed
 * as {@code credrift_reconciler_rotations_total} and {@code credrift_reconciler_binding_key_age_seconds}.
 */
public final class RotationMetrics {

    static final String ROTATIONS = "credrift.reconciler.rotations";
    static final String KEY_AGE = "credrift.reconciler.binding.key.age";

    /** How a rotation ended, as the {@code outcome} tag. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        REFUSED,
        OBSERVED
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> keySince = new ConcurrentHashMap<>();

    public RotationMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void rotation(Outcome outcome) {
        Counter.builder(ROTATIONS)
                .description("Managed rotations by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** Records since when {@code bindingId}'s current key has been in use; the gauge reads its age on scrape. */
    public void keySince(String bindingId, Instant since) {
        if (keySince.put(bindingId, since) == null) {
            Gauge.builder(KEY_AGE, () -> {
                        Instant at = keySince.get(bindingId);
                        return at == null ? Double.NaN : (clock.millis() - at.toEpochMilli()) / 1000.0;
                    })
                    .description("Age of the binding's current key")
                    .baseUnit("seconds")
                    .tag("binding", bindingId)
                    .register(registry);
        }
    }
}
