package dev.credrift.reconciler.handle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.journal.HaltRecord;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.journal.RetryRecord;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure rules of architecture.md §5.1 (rules 1, 4, 5 and 6), without Kafka or Kubernetes. */
class DeciderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final Fingerprint PLANNED = new Fingerprint("AAAAAAAAAAAAAAAAAAAAAA");
    private static final Fingerprint NEWER = new Fingerprint("BBBBBBBBBBBBBBBBBBBBBA");
    private static final JournalEntry EMPTY = JournalEntry.empty(BindingId.of("monitoring", "loki-s3"));
    private static final Plan PLAN =
            new Plan(DriftClass.VAULT_STALE, List.of(Action.of(StepKind.PROBE_STORE, "store", List.of())), List.of());
    private static final Plan ALERT = new Plan(DriftClass.AUTHORITY_REJECTED, List.of(), List.of());
    private static final String EVIDENCE = Evidence.of(3, new HopFingerprints(PLANNED, null, null), Optional.empty());

    static Stream<Arguments> idle() {
        JournalEntry halted =
                EMPTY.withHalt(new HaltRecord(NOW, RemediationHalted.Reason.SOURCE_FLAPPING, "m", "r", 3));
        JournalEntry permanent = EMPTY.withRetry(new RetryRecord(1, null, EVIDENCE, "STORE_ADMIN_REFUSED"));
        JournalEntry backingOff = EMPTY.withRetry(new RetryRecord(1, NOW.plusSeconds(30)));
        String newer = Evidence.of(3, new HopFingerprints(NEWER, null, null), Optional.empty());
        String newGeneration = Evidence.of(4, new HopFingerprints(PLANNED, null, null), Optional.empty());
        return Stream.of(
                Arguments.of(
                        "nothing to do",
                        EMPTY,
                        Optional.empty(),
                        false,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.StatusOnly.class),
                Arguments.of(
                        "alert only",
                        EMPTY,
                        Optional.of(ALERT),
                        false,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.StatusOnly.class),
                Arguments.of(
                        "observe",
                        EMPTY,
                        Optional.of(PLAN),
                        true,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.StatusOnly.class),
                Arguments.of(
                        "halted (flapping too)",
                        halted,
                        Optional.of(PLAN),
                        false,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.StatusOnly.class),
                Arguments.of(
                        "drifted",
                        EMPTY,
                        Optional.of(PLAN),
                        false,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.Start.class),
                Arguments.of(
                        "permanent failure, same evidence, observed",
                        permanent,
                        Optional.of(PLAN),
                        false,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.WaitForEvidence.class),
                Arguments.of(
                        "permanent failure, same evidence, timer",
                        permanent,
                        Optional.of(PLAN),
                        false,
                        Trigger.TIMER,
                        EVIDENCE,
                        Decision.WaitForEvidence.class),
                Arguments.of(
                        "permanent failure, a hop changed",
                        permanent,
                        Optional.of(PLAN),
                        false,
                        Trigger.OBSERVATION,
                        newer,
                        Decision.Start.class),
                Arguments.of(
                        "permanent failure, the spec changed",
                        permanent,
                        Optional.of(PLAN),
                        false,
                        Trigger.OBSERVATION,
                        newGeneration,
                        Decision.Start.class),
                Arguments.of(
                        "backing off, timer early",
                        backingOff,
                        Optional.of(PLAN),
                        false,
                        Trigger.TIMER,
                        EVIDENCE,
                        Decision.Defer.class),
                Arguments.of(
                        "backing off, an observation skips it",
                        backingOff,
                        Optional.of(PLAN),
                        false,
                        Trigger.OBSERVATION,
                        EVIDENCE,
                        Decision.Start.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idle")
    void shouldDecideByTheTableWhenNoRemediationIsOpen(
            String name,
            JournalEntry entry,
            Optional<Plan> plan,
            boolean observe,
            Trigger trigger,
            String evidence,
            Class<? extends Decision> expected) {
        assertThat(Decider.idle(entry, plan, observe, trigger, NOW, evidence)).isInstanceOf(expected);
    }

    static Stream<Arguments> open() {
        OpenRemediation running = open(null);
        OpenRemediation deferred = open(NOW.plusSeconds(40));
        return Stream.of(
                Arguments.of(
                        "same authority",
                        running,
                        true,
                        Optional.of(PLANNED),
                        Optional.empty(),
                        Trigger.OBSERVATION,
                        Decision.Resume.class),
                Arguments.of(
                        "authority moved on",
                        running,
                        true,
                        Optional.of(NEWER),
                        Optional.empty(),
                        Trigger.OBSERVATION,
                        Decision.Supersede.class),
                Arguments.of(
                        "authority unreadable",
                        running,
                        true,
                        Optional.empty(),
                        Optional.empty(),
                        Trigger.OBSERVATION,
                        Decision.Supersede.class),
                Arguments.of(
                        "authority moved on while deferred",
                        deferred,
                        true,
                        Optional.of(NEWER),
                        Optional.empty(),
                        Trigger.OBSERVATION,
                        Decision.Supersede.class),
                Arguments.of(
                        "spec changed and authority moved",
                        running,
                        false,
                        Optional.of(NEWER),
                        Optional.of("the spec changed"),
                        Trigger.OBSERVATION,
                        Decision.Abandon.class),
                Arguments.of(
                        "blocked",
                        running,
                        true,
                        Optional.of(PLANNED),
                        Optional.of("replica unreadable"),
                        Trigger.OBSERVATION,
                        Decision.Abandon.class),
                Arguments.of(
                        "deferred, observed",
                        deferred,
                        true,
                        Optional.of(PLANNED),
                        Optional.empty(),
                        Trigger.OBSERVATION,
                        Decision.Defer.class),
                Arguments.of(
                        "deferred, its timer",
                        deferred,
                        true,
                        Optional.of(PLANNED),
                        Optional.empty(),
                        Trigger.TIMER,
                        Decision.Resume.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("open")
    void shouldDecideByTheTableWhenARemediationIsOpen(
            String name,
            OpenRemediation open,
            boolean sameSpec,
            Optional<Fingerprint> authority,
            Optional<String> blocker,
            Trigger trigger,
            Class<? extends Decision> expected) {
        assertThat(Decider.open(open, sameSpec, authority, blocker, trigger, NOW))
                .isInstanceOf(expected);
    }

    @Test
    void shouldWaitUntilTheBudgetRefillsWhenDeferred() {
        Decision decision = Decider.open(
                open(NOW.plusSeconds(40)), true, Optional.of(PLANNED), Optional.empty(), Trigger.OBSERVATION, NOW);

        assertThat(decision).isEqualTo(new Decision.Defer(Duration.ofSeconds(40)));
    }

    @Test
    void shouldCallTheSourceFlappingWhenSupersededMoreThanTheLimitWithinTheWindow() {
        Flapping flapping = new Flapping(2, Duration.ofMinutes(10));
        List<Instant> old = List.of(NOW.minus(Duration.ofMinutes(11)), NOW.minus(Duration.ofMinutes(10)));

        List<Instant> afterOld = flapping.record(old, NOW);
        List<Instant> second = flapping.record(List.of(NOW.minusSeconds(5)), NOW);
        List<Instant> third = flapping.record(second, NOW.plusSeconds(1));

        assertThat(afterOld).containsExactly(NOW);
        assertThat(flapping.flapping(second)).isFalse();
        assertThat(flapping.flapping(third)).isTrue();
    }

    private static OpenRemediation open(Instant deferredUntil) {
        return new OpenRemediation(
                "r-1",
                DriftClass.VAULT_STALE,
                PLANNED,
                3,
                NOW.minusSeconds(10),
                List.of(),
                Set.of(),
                null,
                Map.of(),
                false,
                deferredUntil,
                Set.of());
    }
}
