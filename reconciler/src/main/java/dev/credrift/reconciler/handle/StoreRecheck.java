package dev.credrift.reconciler.handle;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.journal.LastVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 12: a class whose only evidence is the store's answer (a refused authority, a missing account) stops being
 * true when the store changes back — a reinstated user — and no watcher sees that. Such a binding is probed again on a
 * timer, and that probe must not reuse the cached refusal.
 */
public final class StoreRecheck {

    private static final Set<DriftClass> STORE_ONLY =
            EnumSet.of(DriftClass.AUTHORITY_REJECTED, DriftClass.STORE_MISSING_ACCOUNT);

    /** Up to this share of the interval is taken off at random, so that refused bindings do not probe in lockstep. */
    private static final double JITTER = 0.2;

    private StoreRecheck() {}

    /**
     * When to look again at a binding classified {@code c}: empty unless its only evidence lives in the store.
     *
     * @param random a value in [0, 1)
     */
    static Optional<Duration> after(Classification c, Duration every, double random) {
        if (!(c instanceof Classification.Classified classified) || !STORE_ONLY.contains(classified.driftClass())) {
            return Optional.empty();
        }
        long millis = every.toMillis();
        return Optional.of(Duration.ofMillis(Math.max(1, millis - (long) (millis * JITTER * random))));
    }

    /**
     * The oldest store verdict the assessment may reuse: {@code observedAt} itself for an observation, now for the
     * timer of a binding last found refused by the store (the re-check exists to ask the store again), else any.
     */
    static Instant evidenceAt(Trigger trigger, LastVerdict last, Instant now) {
        if (trigger == Trigger.OBSERVATION) {
            return now;
        }
        if (trigger == Trigger.TIMER && refusedByStore(last)) {
            return now;
        }
        return Instant.MIN;
    }

    /** Whether the binding was last found in a class only the store's answer tells (a timer must look again). */
    public static boolean refusedByStore(LastVerdict last) {
        if (last == null) {
            return false;
        }
        String code = last.code();
        String base = code.contains("+") ? code.substring(0, code.indexOf('+')) : code;
        return STORE_ONLY.stream().anyMatch(d -> d.name().equals(base));
    }
}
