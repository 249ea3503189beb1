package dev.credrift.reconciler.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Rollout limits: a storm of restarts is worse than the drift. Per binding, {@code rollout.maxPerHour}
 * remediations that roll consumers in any sliding hour (the window is journaled); globally, at most
 * {@code globalPerHour} workload restarts in any sliding hour across all bindings.
 *
 * <p>The global window is a sliding one, not a fixed period that refills on the hour (which would let twice the limit
 * through around a period boundary), and it is {@link #seed seeded} on start from the restarts journaled per binding,
 * so that a crash-looping or redeployed reconciler does not get a fresh budget each time it starts.
 */
public final class RolloutBudget {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int globalPerHour;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    public RolloutBudget(int globalPerHour) {
        if (globalPerHour < 1) {
            throw new IllegalArgumentException("global rollouts per hour must be at least 1");
        }
        this.globalPerHour = globalPerHour;
    }

    /** The binding's rollouts still inside the window. Pure. */
    public static List<Instant> inWindow(List<Instant> rollouts, Instant now) {
        Instant since = now.minus(WINDOW);
        List<Instant> kept = new ArrayList<>();
        for (Instant rollout : rollouts) {
            if (rollout.isAfter(since)) {
                kept.add(rollout);
            }
        }
        return kept;
    }

    /** Whether the binding may roll again now. Pure. */
    public static boolean bindingAllows(List<Instant> rollouts, int maxPerHour, Instant now) {
        return inWindow(rollouts, now).size() < maxPerHour;
    }

    /** How long until the oldest rollout of {@code window} leaves it, so one more is allowed (at least 1 s). Pure. */
    public static Duration refillsIn(List<Instant> window, Instant now) {
        Instant oldest = window.stream().min(Instant::compareTo).orElse(now.minus(WINDOW));
        Duration left = Duration.between(now, oldest.plus(WINDOW));
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    /** Counts restarts made before this process started (from the journal) against the global window. */
    public synchronized void seed(Collection<Instant> journaled, Instant now) {
        List<Instant> all = new ArrayList<>(restarts);
        all.addAll(inWindow(List.copyOf(journaled), now));
        all.sort(null);
        restarts.clear();
        restarts.addAll(all);
    }

    /** Takes one workload restart from the global budget, if any is left in the hour before {@code now}. */
    public synchronized boolean takeGlobal(Instant now) {
        prune(now);
        if (restarts.size() >= globalPerHour) {
            return false;
        }
        restarts.addLast(now);
        return true;
    }

    /** Restarts left in the global budget at {@code now}. */
    public synchronized int globalLeft(Instant now) {
        prune(now);
        return Math.max(0, globalPerHour - restarts.size());
    }

    private void prune(Instant now) {
        Instant since = now.minus(WINDOW);
        restarts.removeIf(t -> !t.isAfter(since));
    }
}
