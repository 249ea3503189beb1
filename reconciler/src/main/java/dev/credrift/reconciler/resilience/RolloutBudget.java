package dev.credrift.reconciler.resilience;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rollout limits: a storm of restarts is worse than the drift. Per binding, {@code rollout.maxPerHour}
 * remediations that roll consumers in any sliding hour (the window is journaled); globally, at most
 * {@code globalPerHour} workload restarts per hour across all bindings.
 */
public final class RolloutBudget {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimiter global;

    public RolloutBudget(int globalPerHour) {
        if (globalPerHour < 1) {
            throw new IllegalArgumentException("global rollouts per hour must be at least 1");
        }
        this.global = RateLimiter.of("credrift-rollouts", RateLimiterConfig.custom()
                .limitForPeriod(globalPerHour)
                .limitRefreshPeriod(WINDOW)
                .timeoutDuration(Duration.ZERO)
                .build());
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

    /** Takes one workload restart from the global budget, if any is left. */
    public boolean takeGlobal() {
        return global.acquirePermission();
    }

    /** Restarts left in the global budget's current period. */
    public int globalLeft() {
        return global.getMetrics().getAvailablePermissions();
    }
}
