package dev.credrift.notifier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.StepKind;
import dev.credrift.notifier.Story;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReporterTest {

    private final Reporter<String> reporter = new Reporter<>(HopLabels.DEFAULT, Duration.ofHours(2));
    private final List<String> released = new ArrayList<>();
    private final List<Emission.Due<String>> due = new ArrayList<>();

    private void feed(List<CredriftEvent> events) {
        for (CredriftEvent event : events) {
            Emission<String> emission = reporter.accept(
                    new Incoming(event, new Origin("credrift.outcomes", 0, offset(event))), event.id(), Story.T0);
            released.addAll(emission.released());
            due.addAll(emission.reports());
        }
    }

    private static long offset(CredriftEvent event) {
        return Long.parseLong(event.id().substring(event.id().lastIndexOf('-') + 1));
    }

    @Test
    void shouldReportOnceWhenARemediationSucceedsAndHoldEveryRecordUntilThen() {
        Story story = Story.healed();
        List<CredriftEvent> events = story.events();

        feed(events.subList(0, events.size() - 1));
        assertThat(due).isEmpty();
        assertThat(released).isEmpty();
        assertThat(reporter.openCount()).isEqualTo(1);

        feed(List.of(story.last()));
        assertThat(due).singleElement().satisfies(d -> {
            Report report = d.report();
            assertThat(report.kind()).isEqualTo(ReportKind.REMEDIATION_SUCCEEDED);
            assertThat(report.severity()).isEqualTo(Severity.INFO);
            assertThat(report.driftClass()).isEqualTo(DriftClass.VAULT_STALE);
            assertThat(report.chain().line())
                    .isEqualTo("Rook \u2713 \u2192 1Password \u2717 \u2192 ESO \u2717 \u2192 loki \u2717");
            assertThat(report.steps()).hasSize(6);
            assertThat(report.planned()).hasSize(6);
            assertThat(report.duration()).isEqualTo(Duration.ofSeconds(65));
            assertThat(report.remediationId()).isEqualTo(Story.REM);
            assertThat(d.holds())
                    .containsExactlyElementsOf(
                            events.stream().map(CredriftEvent::id).toList());
        });
        assertThat(reporter.openCount()).isZero();
    }

    @Test
    void shouldReleaseABackInSyncOfItsOwnRemediationWithoutAReport() {
        Story story = Story.healed();
        feed(story.events());
        due.clear();

        story.backInSync(Story.REM, null);
        feed(List.of(story.last()));

        assertThat(due).isEmpty();
        assertThat(released).containsExactly(story.last().id());
    }

    @Test
    void shouldTakeTheDurationOfAFailedRemediationFromItsStart() {
        feed(Story.failed().events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().kind()).isEqualTo(ReportKind.REMEDIATION_FAILED);
            assertThat(d.report().severity()).isEqualTo(Severity.CRITICAL);
            // started is event 3, failed is event 8: five seconds apart
            assertThat(d.report().duration()).isEqualTo(Duration.ofSeconds(5));
            assertThat(d.holds()).hasSize(8);
        });
    }

    @Test
    void shouldRateAFailureThatWillBeRetriedAsAWarning() {
        Story story = Story.of("evt");
        story.vaultStale().plan(false, Story.VAULT_PLAN).started(6).failed("STORE_UNREACHABLE", "timed out", true);
        feed(story.events());

        assertThat(due)
                .singleElement()
                .satisfies(d -> assertThat(d.report().severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void shouldReportAHaltAsCritical() {
        feed(Story.halted().events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().kind()).isEqualTo(ReportKind.REMEDIATION_HALTED);
            assertThat(d.report().severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(reporter.openCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = DriftClass.class,
            names = {"AUTHORITY_REJECTED", "ENDPOINT_UNTRUSTED", "IDENTITY_REJECTED", "REPLICA_UNSYNCABLE"})
    void shouldAlertAtOnceWhenTheDriftIsAlertOnly(DriftClass driftClass) {
        Story story = Story.alert(driftClass);
        feed(story.events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().kind()).isEqualTo(ReportKind.ALERT);
            assertThat(d.report().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.report().driftClass()).isEqualTo(driftClass);
            assertThat(d.holds()).containsExactly(story.last().id());
        });
        assertThat(reporter.openCount()).isZero();
    }

    @Test
    void shouldAlertAtOnceWithTheDriftItFollowsWhenConsumersAreLeftBroken() {
        Story story = Story.consumerPaused();
        feed(story.events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().kind()).isEqualTo(ReportKind.ALERT);
            assertThat(d.report().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.report().driftClass()).isEqualTo(DriftClass.CONSUMERS_STALE);
            assertThat(d.report().chain()).isNotNull();
            assertThat(d.holds()).containsExactly(story.last().id());
        });
    }

    @Test
    void shouldReleaseTheEmptyPlanThatFollowsAnAlert() {
        Story story = new Story("evt", Story.LOKI, Story.REM);
        story.add(Story.alert(DriftClass.AUTHORITY_REJECTED).last().payload());
        story.add(new RemediationPlanned(Story.LOKI, Story.REM, DriftClass.AUTHORITY_REJECTED, false, List.of()));
        feed(story.events());

        assertThat(due).hasSize(1);
        assertThat(released).containsExactly("evt-2");
        assertThat(reporter.openCount()).isZero();
    }

    @Test
    void shouldReportADryRunPlanAsSoonAsItIsPlanned() {
        feed(Story.dryRun().events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().kind()).isEqualTo(ReportKind.DRY_RUN);
            assertThat(d.report().planned()).hasSize(6);
            assertThat(d.report().chain()).isNotNull();
            assertThat(d.holds()).containsExactly("evt-1", "evt-2");
        });
    }

    @Test
    void shouldReportABindingHealedByOtherHandsWithTheChainItHadDrifted() {
        feed(Story.backInSyncByHand().events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().kind()).isEqualTo(ReportKind.BACK_IN_SYNC);
            assertThat(d.report().chain().line()).startsWith("Rook \u2713 \u2192 1Password \u2717");
            assertThat(d.report().duration()).isEqualTo(Duration.ofSeconds(1));
            assertThat(d.holds()).containsExactly("evt-1", "evt-2");
        });
    }

    @Test
    void shouldDropAHeldDriftWhenTheNextAssessmentFindsTheBindingInSync() {
        Story story = Story.of("evt");
        story.vaultStale()
                .drift(
                        DriftClass.IN_SYNC,
                        Authority.SOURCE,
                        new HopFingerprints(null, null, null),
                        null,
                        "all hops agree");
        feed(story.events());

        assertThat(due).isEmpty();
        assertThat(released).containsExactly("evt-1", "evt-2");
        assertThat(reporter.openCount()).isZero();
    }

    @Test
    void shouldReleaseEveryOtherEventTypeAtOnce() {
        Map<EventType, EventPayload> samples = Fixtures.samples();
        Story story = Story.of("evt");
        for (EventType type : List.of(
                EventType.SOURCE_SECRET_OBSERVED,
                EventType.NOTIFICATION_DELIVERED,
                EventType.NOTIFICATION_FAILED,
                EventType.AUDIT_RECORD,
                EventType.DEAD_LETTER,
                EventType.RESYNC_REQUESTED)) {
            story.add(samples.get(type));
        }
        feed(story.events());

        assertThat(due).isEmpty();
        assertThat(released).hasSize(6);
    }

    @Test
    void shouldIgnoreARedeliveredRecordItAlreadyHolds() {
        Story story = Story.of("evt");
        story.vaultStale().plan(false, Story.VAULT_PLAN);
        feed(story.events());
        feed(List.of(story.events().get(1)));

        assertThat(released).containsExactly("evt-2");
        assertThat(reporter.openCount()).isEqualTo(1);
    }

    @Test
    void shouldDropTheLeftoversOfARemediationThatNeverEndedWhenAnotherOneStarts() {
        Story first = new Story("a", Story.LOKI, "rem-a");
        first.vaultStale().plan(false, Story.VAULT_PLAN).started(6);
        Story second = new Story("b", Story.LOKI, "rem-b");
        second.plan(false, Story.VAULT_PLAN).started(6).succeeded(Duration.ofSeconds(3));
        feed(first.events());
        feed(second.events());

        assertThat(released).containsExactly("a-1", "a-2", "a-3");
        assertThat(due).singleElement().satisfies(d -> assertThat(d.holds()).containsExactly("b-1", "b-2", "b-3"));
    }

    @Test
    void shouldLetGoOfARemediationOpenLongerThanTheTimeout() {
        Story story = Story.of("evt");
        story.vaultStale().plan(false, Story.VAULT_PLAN);
        feed(story.events());

        assertThat(reporter.expire(Story.T0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(reporter.expire(Story.T0.plus(Duration.ofHours(3)))).containsExactly("evt-1", "evt-2");
        assertThat(reporter.openCount()).isZero();
    }

    @Test
    void shouldForgetTheRemediationsOfALostPartition() {
        Story story = Story.of("evt");
        story.vaultStale();
        feed(story.events());

        assertThat(reporter.forgetPartition("credrift.outcomes", 1)).isEmpty();
        assertThat(reporter.forgetPartition("credrift.outcomes", 0)).containsExactly("evt-1");
        assertThat(reporter.openCount()).isZero();
    }

    @Test
    void shouldNameTheConsumersAfterTheWorkloadsThePlanRolls() {
        Story story = Story.of("evt");
        story.vaultStale()
                .plan(
                        false,
                        List.of(
                                new PlannedStep(StepKind.ROLL_OUT, "StatefulSet monitoring/loki"),
                                new PlannedStep(StepKind.ROLL_OUT, "Deployment monitoring/loki-gateway"),
                                new PlannedStep(StepKind.ROLL_OUT, "DaemonSet monitoring/promtail"),
                                new PlannedStep(StepKind.ROLL_OUT, "Deployment monitoring/grafana")))
                .started(4)
                .succeeded(Duration.ofSeconds(1));
        feed(story.events());

        assertThat(due)
                .singleElement()
                .satisfies(d -> assertThat(d.report().chain().line())
                        .endsWith("ESO \u2717 \u2192 loki, loki-gateway, promtail +1 \u2717"));
    }

    @Test
    void shouldReportAnEndWhoseBeginningItNeverSaw() {
        Story story = Story.of("evt");
        story.succeeded(Duration.ofSeconds(9));
        feed(story.events());

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.report().chain()).isNull();
            assertThat(d.report().duration()).isEqualTo(Duration.ofSeconds(9));
        });
    }
}
