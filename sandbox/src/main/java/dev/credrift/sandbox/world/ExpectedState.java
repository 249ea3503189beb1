package dev.credrift.sandbox.world;

import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A world's expected end state, checked by polling: every expectation must hold at the same moment, each within its
 * own deadline (counted from the call to {@link #check}). Bounds that can only get worse —
 * {@code rolloutsAtMost} — are judged last, once everything else has been decided, so a late extra rollout counts.
 */
public final class ExpectedState {

    private static final Logger LOG = LoggerFactory.getLogger(ExpectedState.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final List<ExpectationSpec> expectations;

    private ExpectedState(List<ExpectationSpec> expectations) {
        this.expectations = List.copyOf(expectations);
    }

    /** The expectations of {@code spec}. */
    public static ExpectedState of(WorldSpec spec) {
        return new ExpectedState(spec.expectations());
    }

    /** These expectations (e.g. built in code for a test). */
    public static ExpectedState of(List<ExpectationSpec> expectations) {
        return new ExpectedState(expectations);
    }

    /** The expectations. */
    public List<ExpectationSpec> expectations() {
        return expectations;
    }

    /** Progress callbacks. */
    public interface Listener {
        /** Called about once a second while some expectation is still open, with what each shows now. */
        default void waiting(Duration elapsed, List<ExpectationResult> open) {}

        /** An expectation was decided. */
        default void decided(ExpectationResult result) {}
    }

    /**
     * Polls until every expectation holds at once, or one is past its deadline without holding; results in the
     * order written. A world's end state is one moment: a condition that was true before the story's drift (an
     * InSync status left from the start) must not count unless it is true again together with the others. Only
     * {@code driftClassSeen}, a record of something that happened, stays met once seen.
     */
    public List<ExpectationResult> check(World world, Listener listener) {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(listener, "listener");
        ExpectationCheck checker = new ExpectationCheck(world);
        Instant start = world.clock().instant();
        Map<ExpectationSpec, ExpectationResult> decided = new LinkedHashMap<>();
        Map<ExpectationSpec, Duration> seenEvents = new LinkedHashMap<>();
        List<ExpectationSpec> eventual =
                expectations.stream().filter(e -> !isBound(e)).toList();
        Instant lastProgress = start;
        while (decided.isEmpty()) {
            Instant now = world.clock().instant();
            Duration elapsed = Duration.between(start, now);
            Map<ExpectationSpec, Verdict> verdicts = new LinkedHashMap<>();
            for (ExpectationSpec spec : eventual) {
                Verdict verdict =
                        seenEvents.containsKey(spec) ? Verdict.holds("seen") : checker.check(spec.expectation());
                verdicts.put(spec, verdict);
                if (verdict.holds() && isEvent(spec)) {
                    seenEvents.putIfAbsent(spec, elapsed);
                }
            }
            boolean allHold = verdicts.values().stream().allMatch(Verdict::holds);
            boolean overdue = verdicts.entrySet().stream()
                    .anyMatch(e -> !e.getValue().holds()
                            && elapsed.compareTo(e.getKey().within()) >= 0);
            if (allHold || overdue) {
                for (Map.Entry<ExpectationSpec, Verdict> e : verdicts.entrySet()) {
                    ExpectationSpec spec = e.getKey();
                    Verdict verdict = e.getValue();
                    decide(
                            decided,
                            listener,
                            verdict.holds()
                                    ? new ExpectationResult(
                                            spec,
                                            true,
                                            Optional.of(seenEvents.getOrDefault(spec, elapsed)),
                                            verdict.detail())
                                    : new ExpectationResult(
                                            spec,
                                            false,
                                            Optional.empty(),
                                            (elapsed.compareTo(spec.within()) >= 0
                                                            ? "not within "
                                                                    + spec.within()
                                                                            .toSeconds() + "s: "
                                                            : "not together with the others: ")
                                                    + verdict.detail()));
                }
                break;
            }
            if (Duration.between(lastProgress, now).toMillis() >= 1000) {
                lastProgress = now;
                List<ExpectationResult> open = new ArrayList<>();
                verdicts.forEach((spec, verdict) -> {
                    if (!verdict.holds()) {
                        open.add(new ExpectationResult(spec, false, Optional.empty(), verdict.detail()));
                    }
                });
                listener.waiting(elapsed, open);
            }
            pause();
        }
        for (ExpectationSpec spec : expectations) {
            if (isBound(spec)) {
                Verdict verdict = checker.check(spec.expectation());
                decide(
                        decided,
                        listener,
                        new ExpectationResult(
                                spec,
                                verdict.holds(),
                                verdict.holds()
                                        ? Optional.of(Duration.between(
                                                start, world.clock().instant()))
                                        : Optional.empty(),
                                verdict.detail()));
            }
        }
        List<ExpectationResult> results = new ArrayList<>();
        for (ExpectationSpec spec : expectations) {
            results.add(decided.get(spec));
        }
        return results;
    }

    private static void decide(
            Map<ExpectationSpec, ExpectationResult> decided, Listener listener, ExpectationResult result) {
        decided.put(result.spec(), result);
        LOG.info(
                "expectation {}: {} ({})",
                result.met() ? "met" : "FAILED",
                result.spec().expectation().describe(),
                result.detail());
        listener.decided(result);
    }

    private static boolean isEvent(ExpectationSpec spec) {
        return spec.expectation() instanceof Expectation.DriftClassSeen;
    }

    private static boolean isBound(ExpectationSpec spec) {
        return spec.expectation() instanceof Expectation.RolloutsAtMost;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldException("interrupted while checking the expected state");
        }
    }
}
