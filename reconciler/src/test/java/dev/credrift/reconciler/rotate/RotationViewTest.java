package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.status.ConditionStatus;
import dev.credrift.api.status.RotationPhase;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.rotate.RotationDecision.RefusalReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RotationViewTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String OLD = "S1CFOLDKEY000000AB12";
    private static final String NEW = "S1CFNEWKEY000000N6CK";

    private static RotationJournal minted() {
        return RotationJournal.open("rot-1", T0, OLD, Set.of(OLD))
                .started(RotationStepKind.MINT, T0)
                .minted(NEW, T0.plusSeconds(1));
    }

    private static RotationJournal completed() {
        RotationJournal j = minted();
        for (RotationStepKind step : RotationStepKind.values()) {
            if (step != RotationStepKind.MINT) {
                j = j.started(step, T0.plusSeconds(2)).completed(step, T0.plusSeconds(3));
            }
        }
        return j;
    }

    static Stream<Arguments> table() {
        Instant due = T0.plus(Duration.ofDays(30));
        return Stream.of(
                // decision, journal, scheduled → phase, condition, reason
                Arguments.of(
                        new RotationDecision.NotDue(due),
                        Optional.empty(),
                        true,
                        null,
                        ConditionStatus.FALSE,
                        "NotDue"),
                Arguments.of(
                        new RotationDecision.NotDue(due),
                        Optional.of(completed()),
                        true,
                        RotationPhase.COMPLETED,
                        ConditionStatus.FALSE,
                        "Completed"),
                Arguments.of(
                        new RotationDecision.Refuse(RefusalReason.ROLE_BASED, "role-based: tokens expire"),
                        Optional.empty(),
                        true,
                        RotationPhase.REFUSED,
                        ConditionStatus.FALSE,
                        "Refused"),
                Arguments.of(
                        new RotationDecision.ObserveOnly(T0, List.of(RotationStepKind.values())),
                        Optional.empty(),
                        true,
                        RotationPhase.OBSERVED,
                        ConditionStatus.FALSE,
                        "Observed"),
                Arguments.of(
                        new RotationDecision.OutsideWindow(T0, due),
                        Optional.empty(),
                        true,
                        null,
                        ConditionStatus.FALSE,
                        "OutsideWindow"),
                Arguments.of(
                        new RotationDecision.Due(T0, true), Optional.empty(), true, null, ConditionStatus.FALSE, "Due"),
                Arguments.of(
                        new RotationDecision.AgeAlert(Duration.ofDays(40), Duration.ofDays(30)),
                        Optional.empty(),
                        false,
                        null,
                        ConditionStatus.FALSE,
                        "KeyTooOld"),
                Arguments.of(
                        new RotationDecision.Resume(RotationStepKind.PROBE_NEW, "next step after MINT"),
                        Optional.of(minted()),
                        true,
                        RotationPhase.PROBING_NEW,
                        ConditionStatus.TRUE,
                        "ProbingNew"),
                Arguments.of(
                        new RotationDecision.Wait(RotationStepKind.WAIT_REVOKE_AFTER, due),
                        Optional.of(minted().started(RotationStepKind.WAIT_REVOKE_AFTER, T0)),
                        true,
                        RotationPhase.WAITING_TO_REVOKE,
                        ConditionStatus.TRUE,
                        "WaitingToRevoke"),
                Arguments.of(
                        new RotationDecision.Blocked(RotationStepKind.REVOKE, "old key held by vault"),
                        Optional.of(minted().started(RotationStepKind.REVOKE, T0)),
                        true,
                        RotationPhase.REVOKING,
                        ConditionStatus.TRUE,
                        "Revoking"),
                Arguments.of(
                        new RotationDecision.Halted("readiness gate failed"),
                        Optional.of(minted().halted("readiness gate failed")),
                        true,
                        RotationPhase.HALTED,
                        ConditionStatus.FALSE,
                        "Halted"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void shouldMapDecisionToPhaseAndConditionWhenJournalIsAsGiven(
            RotationDecision decision,
            Optional<RotationJournal> journal,
            boolean scheduled,
            RotationPhase phase,
            ConditionStatus rotating,
            String reason) {
        RotationView view = RotationView.of(decision, journal, Optional.empty(), scheduled, Optional.empty());

        assertThat(view.status().phase()).isEqualTo(phase);
        assertThat(view.rotating()).isEqualTo(rotating);
        assertThat(view.reason()).isEqualTo(reason);
        assertThat(view.message()).isNotBlank().isEqualTo(view.status().message());
        // a reason must be a valid condition reason (CamelCase, the CRD's pattern)
        assertThat(view.reason()).matches("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
    }

    @Test
    void shouldShowMaskedKeysOnlyWhenARotationIsOpen() {
        RotationView view = RotationView.of(
                new RotationDecision.Resume(RotationStepKind.PROBE_NEW, "next"),
                Optional.of(minted()),
                Optional.of("tok-1"),
                true,
                Optional.empty());

        assertThat(view.status().newKey().accessKeyId()).isEqualTo("S1CF…N6CK");
        assertThat(view.status().oldKey().accessKeyId()).isEqualTo("S1CF…AB12");
        assertThat(view.status().rotationId()).isEqualTo("rot-1");
        assertThat(view.status().step()).isEqualTo("PROBE_NEW");
        assertThat(view.status().lastRequest()).isEqualTo("tok-1");
        assertThat(view.status().toString()).doesNotContain(OLD).doesNotContain(NEW);
    }

    @Test
    void shouldGiveNextDueOnlyWhenScheduled() {
        Instant due = T0.plus(Duration.ofDays(30));

        assertThat(RotationView.of(
                                new RotationDecision.NotDue(due),
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                Optional.empty())
                        .status()
                        .nextDue())
                .isEqualTo(due);
        // without `every` the planner's NotDue carries the maxAge alert time, which is no rotation
        assertThat(RotationView.of(
                                new RotationDecision.NotDue(due),
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                Optional.empty())
                        .status()
                        .nextDue())
                .isNull();
    }

    @Test
    void shouldSayWhenTheLastRotationFinishedWhenItCompleted() {
        RotationView view = RotationView.of(
                new RotationDecision.NotDue(T0.plus(Duration.ofDays(30))),
                Optional.of(completed()),
                Optional.empty(),
                true,
                Optional.empty());

        assertThat(view.status().finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(view.message()).startsWith("last rotation completed; next rotation due at");
    }

    @Test
    void shouldSayTheOldKeyGoesBackIntoTheVaultWhenRollingBack() {
        RotationView view = RotationView.of(
                new RotationDecision.RollBack(RotationStepKind.ROLL, "READINESS_GATE_FAILED"),
                Optional.of(minted().started(RotationStepKind.ROLL, T0)),
                Optional.empty(),
                true,
                Optional.empty());

        assertThat(view.rotating()).isEqualTo(ConditionStatus.TRUE);
        assertThat(view.message()).contains("READINESS_GATE_FAILED", "putting the old key back into the vault");
    }

    @Test
    void shouldSayTheOldKeyIsStillValidWhenHalted() {
        RotationView view = RotationView.of(
                new RotationDecision.Halted("readiness gate failed"),
                Optional.of(minted().halted("readiness gate failed")),
                Optional.empty(),
                true,
                Optional.empty());

        assertThat(view.message()).contains("readiness gate failed").contains("S1CF…AB12 is still valid");
    }

    @Test
    void shouldKeepShowingHowTheLastRequestEndedWhenNothingNewerHappened() {
        RotationView observed = RotationView.of(
                new RotationDecision.ObserveOnly(T0, List.of(RotationStepKind.values())),
                Optional.empty(),
                Optional.of("tok-1"),
                true,
                Optional.empty());

        RotationView later = RotationView.of(
                new RotationDecision.NotDue(T0.plus(Duration.ofDays(30))),
                Optional.empty(),
                Optional.of("tok-1"),
                true,
                Optional.of(observed.status()));

        assertThat(later.status().phase()).isEqualTo(RotationPhase.OBSERVED);
        assertThat(later.reason()).isEqualTo("Observed");
        assertThat(later.message()).startsWith("mode Observe:");
        assertThat(later.status().lastRequest()).isEqualTo("tok-1");
        assertThat(later.status().nextDue()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }
}
