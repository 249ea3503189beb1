package dev.credrift.reconciler.report;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.LastVerdict;
import dev.credrift.reconciler.resilience.RolloutBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where each binding this reconciler owns stands, for the binding gauges: its last verdict's state, whether it is
 * halted, since when it drifts. Only bindings whose partition is assigned here count, so that the gauges of several
 * replicas add up ({@code sum}) instead of counting a binding once per replica. Written from the reconciler's event
 * loop, read by scrapes on other threads.
 */
public final class BindingCensus {

    /** A binding never assessed yet (no verdict in the journal). */
    public static final String UNASSESSED = "UNASSESSED";
    /** The assessment could not decide (an API, the store or STS did not answer). */
    public static final String UNDETERMINED = "UNDETERMINED";
    /** The binding's spec is invalid. */
    public static final String SPEC_INVALID = "SPEC_INVALID";

    /** Every state label value: the drift classes, then the three above. */
    public static final List<String> STATES = Stream.concat(
                    Stream.of(DriftClass.values()).map(Enum::name), Stream.of(UNDETERMINED, SPEC_INVALID, UNASSESSED))
            .toList();

    /** One binding's standing. */
    public record Standing(BindingId id, String state, boolean halted, Instant driftedSince, List<Instant> rollouts) {

        public Standing {
            rollouts = rollouts == null ? List.of() : List.copyOf(rollouts);
        }

        /** The binding's rollouts in the sliding hour its {@code spec.rollout.maxPerHour} budget counts. */
        public int rolloutsInWindow(Clock clock) {
            return RolloutBudget.inWindow(rollouts, clock.instant()).size();
        }

        /** Seconds since the binding drifted, 0 while in sync. */
        public double driftSeconds(Clock clock) {
            return driftedSince == null
                    ? 0
                    : Math.max(
                            0, Duration.between(driftedSince, clock.instant()).toMillis() / 1000.0);
        }
    }

    private final Map<BindingId, Standing> standings = new ConcurrentHashMap<>();
    private volatile Predicate<BindingId> owned = id -> false;

    /** Partitions were assigned: from now on only {@code nowOwned} bindings count, as the journal has them. */
    public void assigned(Predicate<BindingId> nowOwned, Collection<JournalEntry> journal) {
        owned = nowOwned;
        standings.keySet().removeIf(id -> !nowOwned.test(id));
        journal.forEach(this::handled);
    }

    /**
     * A binding was handled; {@code entry} is its journal record afterwards.
     *
     * @return whether its standing changed (most handlings change nothing: the per-binding series stay as they are)
     */
    public boolean handled(JournalEntry entry) {
        BindingId id = entry.bindingId();
        if (!owned.test(id)) {
            return standings.remove(id) != null;
        }
        Standing now = new Standing(
                id, state(entry.lastVerdict()), entry.halted().isPresent(), entry.driftedSince(), entry.rollouts());
        return !now.equals(standings.put(id, now));
    }

    /** The binding was deleted; returns whether it was counted. */
    public boolean gone(BindingId id) {
        return standings.remove(id) != null;
    }

    public long count(String state) {
        return standings.values().stream().filter(s -> s.state().equals(state)).count();
    }

    public long halted() {
        return standings.values().stream().filter(Standing::halted).count();
    }

    public List<Standing> standings() {
        return new ArrayList<>(standings.values());
    }

    static String state(LastVerdict verdict) {
        if (verdict == null) {
            return UNASSESSED;
        }
        String code = verdict.code();
        if (STATES.contains(code)) {
            return code;
        }
        return UNDETERMINED; // UNDETERMINED_<cause>: the cause is in the binding's status and the outcome events
    }
}
