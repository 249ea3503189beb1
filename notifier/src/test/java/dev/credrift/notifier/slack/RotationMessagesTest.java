package dev.credrift.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.notifier.Story;
import dev.credrift.notifier.report.Emission;
import dev.credrift.notifier.report.HopLabels;
import dev.credrift.notifier.report.Incoming;
import dev.credrift.notifier.report.Origin;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Reporter;
import dev.credrift.notifier.report.Severity;
import dev.credrift.notifier.routing.RouteRule;
import dev.credrift.notifier.routing.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Slack shows for rotation.started / step / completed / failed, and where each goes by severity. */
class RotationMessagesTest {

    private static final String ROT = "rot-4f2a";
    private final Reporter<Integer> reporter = new Reporter<>(HopLabels.DEFAULT, Duration.ofHours(2));
    private final SlackRenderer slack = new SlackRenderer();
    private final List<Integer> released = new ArrayList<>();

    private List<Report> feed(Story story) {
        List<Report> reports = new ArrayList<>();
        int offset = 0;
        for (CredriftEvent event : story.events()) {
            Emission<Integer> emission = reporter.accept(
                    new Incoming(event, new Origin("credrift.outcomes", 0, offset)), offset++, Story.T0);
            emission.reports().forEach(due -> {
                reports.add(due.report());
                released.addAll(due.holds());
            });
            released.addAll(emission.released());
        }
        return reports;
    }

    private static Story rotation() {
        return Story.of("rot")
                .add(new RotationStarted(
                        Story.LOKI,
                        ROT,
                        RotationStarted.Trigger.SCHEDULE,
                        Fixtures.STALE.maskedAccessKeyId(),
                        Story.T0,
                        false))
                .add(new RotationStepFinished(
                        Story.LOKI, ROT, RotationStepKind.MINT, RotationStepFinished.Result.DONE, "minted"));
    }

    private String text(Report report) {
        ObjectNode message = slack.render(report, "ops");
        return message.get("text").asText();
    }

    @Test
    void shouldSayHowManyHopsAndWorkloadsMovedWhenARotationCompletes() {
        List<Report> reports = feed(rotation()
                .add(new RotationCompleted(
                        Story.LOKI,
                        ROT,
                        Fixtures.ROTATED.maskedAccessKeyId(),
                        Fixtures.fp(Fixtures.ROTATED),
                        Fixtures.STALE.maskedAccessKeyId(),
                        4,
                        2,
                        48_000)));

        assertThat(reports)
                .extracting(Report::kind)
                .containsExactly(ReportKind.ROTATION_STARTED, ReportKind.ROTATION_COMPLETED);
        assertThat(text(reports.get(0))).isEqualTo("Rotating monitoring/loki-s3 (scheduled): minting a second key");
        assertThat(text(reports.get(1)))
                .isEqualTo("Rotated monitoring/loki-s3: 4 hops and 2 workloads moved to "
                        + Fixtures.ROTATED.maskedAccessKeyId().value() + " in 48 s; old key revoked");
        assertThat(reports.get(1).severity()).isEqualTo(Severity.INFO);
        // every record (the step too) is released: nothing of a rotation waits for a later message
        assertThat(released).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void shouldNameTheStepAndTheOldKeyStillValidWhenARotationHalts() {
        List<Report> reports = feed(rotation()
                .add(new RotationFailed(
                        Story.LOKI,
                        ROT,
                        RotationStepKind.ROLL,
                        "READINESS_GATE_FAILED",
                        "StatefulSet monitoring/loki: pod loki-1 not ready on the new key",
                        true)));

        Report halted = reports.get(1);
        assertThat(halted.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(text(halted))
                .isEqualTo("Rotation of monitoring/loki-s3 halted at ROLL: READINESS_GATE_FAILED; old key "
                        + Fixtures.STALE.maskedAccessKeyId().value() + " still valid");
        assertThat(slack.render(halted, "ops").toString())
                .contains("pod loki-1 not ready on the new key")
                .contains("Nothing was revoked")
                .doesNotContain(Fixtures.STALE.secret().reveal())
                .doesNotContain(Fixtures.STALE.accessKeyId());
    }

    @Test
    void shouldSayLessWhenTheStartOfAFailedRotationWasNotSeen() {
        List<Report> reports = feed(Story.of("late")
                .add(new RotationFailed(
                        Story.LOKI, ROT, null, "OLD_KEY_STILL_HELD", "a hop holds the old key", false)));

        assertThat(text(reports.get(0)))
                .isEqualTo("Rotation of monitoring/loki-s3 failed: OLD_KEY_STILL_HELD; the old key is no longer valid");
    }

    @Test
    void shouldSayNothingChangedWhenARotationIsOnlyObserved() {
        List<Report> reports = feed(Story.of("observe")
                .add(new RotationStarted(
                        Story.LOKI,
                        ROT,
                        RotationStarted.Trigger.ON_DEMAND,
                        Fixtures.STALE.maskedAccessKeyId(),
                        Story.T0,
                        true)));

        assertThat(reports.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(text(reports.get(0)))
                .startsWith("Rotation of monitoring/loki-s3 due (observe mode): nothing changed");
    }

    @Test
    void shouldAlertOnlyTheAlertSinkWhenARotationFailsAndTellEveryoneWhenItCompletes() {
        Router router = new Router(
                List.of(
                        RouteRule.to("ops").withMinSeverity(Severity.INFO),
                        RouteRule.to("pager").withMinSeverity(Severity.CRITICAL)),
                List.of("ops", "pager"));
        List<Report> reports = feed(rotation()
                .add(new RotationFailed(Story.LOKI, ROT, RotationStepKind.ROLL, "READINESS_GATE_FAILED", "x", true)));

        assertThat(router.route(reports.get(0), Map.of())).containsExactly("ops");
        assertThat(router.route(reports.get(1), Map.of())).containsExactlyInAnyOrder("ops", "pager");
        assertThat(reports.get(1).event().type()).isEqualTo(EventType.ROTATION_FAILED);
    }
}
