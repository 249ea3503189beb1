package dev.credrift.sandbox.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The drift classes reported for each binding while the world ran, oldest first: seen in the bindings'
 * {@code status.driftClass}, and fed by the app from credrift's outcome events (a class can come and go between two
 * status reads). Thread-safe.
 */
public final class DriftClassLog {

    /**
     * One sighting.
     *
     * @param at         when
     * @param bindingId  {@code <namespace>/<name>}
     * @param driftClass e.g. {@code VAULT_STALE}
     * @param source     where it was seen, e.g. {@code status} or {@code outcome}
     */
    public record Entry(Instant at, String bindingId, String driftClass, String source) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Records a sighting unless it repeats the binding's previous one. */
    public synchronized void record(Instant at, String bindingId, String driftClass, String source) {
        Objects.requireNonNull(bindingId, "bindingId");
        Objects.requireNonNull(driftClass, "driftClass");
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry previous = entries.get(i);
            if (previous.bindingId().equals(bindingId)) {
                if (previous.driftClass().equals(driftClass)) {
                    return;
                }
                break;
            }
        }
        entries.add(new Entry(at, bindingId, driftClass, source));
    }

    /** Whether {@code driftClass} was seen for the binding. */
    public synchronized boolean seen(String bindingId, String driftClass) {
        return entries.stream()
                .anyMatch(e -> e.bindingId().equals(bindingId) && e.driftClass().equals(driftClass));
    }

    /** Every sighting, oldest first. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }
}
