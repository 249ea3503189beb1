package dev.credrift.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.StepKind;
import dev.credrift.notifier.GoldenFiles;
import dev.credrift.notifier.NotifyTest;
import dev.credrift.notifier.Story;
import dev.credrift.notifier.report.Emission;
import dev.credrift.notifier.report.HopLabels;
import dev.credrift.notifier.report.Incoming;
import dev.credrift.notifier.report.Origin;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Reporter;
import dev.credrift.sandbox.emulate.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SlackRendererTest {

    private final SlackRenderer renderer = new SlackRenderer();

    static Report reportOf(Story story) {
        Reporter<Integer> reporter = new Reporter<>(HopLabels.DEFAULT, Duration.ofHours(2));
        List<Report> reports = new ArrayList<>();
        int offset = 0;
        for (CredriftEvent event : story.events()) {
            Emission<Integer> emission = reporter.accept(
                    new Incoming(event, new Origin("credrift.outcomes", 0, offset)), offset++, Story.T0);
            emission.reports().stream().map(Emission.Due::report).forEach(reports::add);
        }
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    @Test
    void shouldRenderASucceededRemediationLikeTheGoldenFile() {
        checkGolden("remediation-succeeded.json", reportOf(Story.healed()));
    }

    @Test
    void shouldRenderAFailedRemediationLikeTheGoldenFile() {
        checkGolden("remediation-failed.json", reportOf(Story.failed()));
    }

    @Test
    void shouldRenderAHaltLikeTheGoldenFile() {
        checkGolden("remediation-halted.json", reportOf(Story.halted()));
    }

    @ParameterizedTest
    @EnumSource(
            value = DriftClass.class,
            names = {"AUTHORITY_REJECTED", "ENDPOINT_UNTRUSTED", "IDENTITY_REJECTED", "REPLICA_UNSYNCABLE"})
    void shouldRenderAnAlertLikeTheGoldenFile(DriftClass driftClass) {
        checkGolden(
                "alert-" + driftClass.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json",
                reportOf(Story.alert(driftClass)));
    }

    @Test
    void shouldRenderADryRunLikeTheGoldenFile() {
        checkGolden("dry-run.json", reportOf(Story.dryRun()));
    }

    @Test
    void shouldRenderABindingHealedByHandLikeTheGoldenFile() {
        checkGolden("back-in-sync.json", reportOf(Story.backInSyncByHand()));
    }

    @Test
    void shouldRenderTheTestMessageLikeTheGoldenFile() {
        Report sample = NotifyTest.sampleReport(new ManualClock(Story.T0));
        // the sample's event id is random; pin it for the golden file
        CredriftEvent pinned = new CredriftEvent(
                "notify-test-1",
                sample.event().source(),
                sample.event().time(),
                null,
                sample.event().payload());
        checkGolden(
                "test.json",
                new Report(
                        ReportKind.TEST,
                        sample.severity(),
                        new Incoming(pinned, null),
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null));
    }

    @Test
    void shouldSayWhichConsumerIsPausedAndWhatToDoWhenConsumersAreLeftBroken() {
        String json = renderer.render(reportOf(Story.consumerPaused()), "slack").toString();

        assertThat(json)
                .contains("A consumer is paused: monitoring/loki-s3")
                .contains("`CONSUMER_PAUSED`")
                .contains(Story.PAUSED)
                .contains("a human must act");
    }

    @Test
    void shouldShowTheHopChainLine() {
        String json = renderer.render(reportOf(Story.healed()), "slack").toString();

        assertThat(json).contains("`Rook \u2713 \u2192 1Password \u2717 \u2192 ESO \u2717 \u2192 loki \u2717`");
    }

    @Test
    void shouldEscapeMentionsAndLinksFromEventText() {
        String json = renderer.render(reportOf(Story.alert(DriftClass.REPLICA_UNSYNCABLE)), "slack")
                .toString();

        assertThat(json).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
    }

    @Test
    void shouldStayInsideBlockKitLimitsWhateverTheDetails() {
        String oversized = "x".repeat(1000);
        Story story = Story.of("evt");
        List<PlannedStep> plan = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            plan.add(new PlannedStep(StepKind.ROLL_OUT, "StatefulSet monitoring/loki-" + i + "-" + "y".repeat(900)));
        }
        story.vaultStale().plan(false, plan).started(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            story.step(
                    i, StepKind.ROLL_OUT, plan.get(i).target(), RemediationStepFinished.Result.DONE, 1000, oversized);
        }
        story.failed("ROLLOUT_BUDGET_EXHAUSTED", oversized, false);

        ObjectNode message = renderer.render(reportOf(story), "slack");

        JsonNode blocks = message.get("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(BlockKit.MAX_BLOCKS);
        for (JsonNode block : blocks) {
            String type = block.get("type").asText();
            if (block.has("text")) {
                int max = type.equals("header") ? BlockKit.MAX_HEADER_TEXT : BlockKit.MAX_SECTION_TEXT;
                assertThat(block.get("text").get("text").asText().length())
                        .as("%s text", type)
                        .isLessThanOrEqualTo(max);
            }
            if (block.has("fields")) {
                assertThat(block.get("fields").size()).isLessThanOrEqualTo(BlockKit.MAX_FIELDS);
                block.get("fields")
                        .forEach(f -> assertThat(f.get("text").asText().length())
                                .isLessThanOrEqualTo(BlockKit.MAX_FIELD_TEXT));
            }
            if (block.has("elements")) {
                assertThat(block.get("elements").size()).isLessThanOrEqualTo(BlockKit.MAX_CONTEXT_ELEMENTS);
            }
        }
        assertThat(message.get("text").asText().length()).isLessThanOrEqualTo(BlockKit.MAX_FALLBACK_TEXT);
        // what matters most survives the cut: the header, the result, and how many steps were left out
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(message.toString()).contains("ROLLOUT_BUDGET_EXHAUSTED").contains("more not shown");
        assertThat(StreamSupport.stream(blocks.spliterator(), false)
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .get("type")
                        .asText())
                .isEqualTo("context");
    }

    @Test
    void shouldCapAMessageAtFiftyBlocksSayingHowManyWereLeftOut() {
        BlockKit kit = new BlockKit();
        for (int i = 0; i < 60; i++) {
            kit.section("s" + i);
        }

        ObjectNode message = kit.message("fallback");

        assertThat(message.get("blocks").size()).isEqualTo(BlockKit.MAX_BLOCKS);
        assertThat(message.get("blocks").get(49).toString()).contains("11 more blocks left out");
    }

    @Test
    void shouldTruncateWithoutSplittingASurrogatePair() {
        String text = "a".repeat(2998) + "\uD83D\uDE00" + "b";

        String truncated = BlockKit.truncate(text, BlockKit.MAX_SECTION_TEXT);

        assertThat(truncated.length()).isLessThanOrEqualTo(BlockKit.MAX_SECTION_TEXT);
        assertThat(Character.isHighSurrogate(truncated.charAt(truncated.length() - 2)))
                .isFalse();
        assertThat(truncated).endsWith("\u2026");
    }

    @Test
    void shouldNeverPutACredentialInAMessage() {
        for (Story story :
                List.of(Story.healed(), Story.failed(), Story.halted(), Story.dryRun(), Story.backInSyncByHand())) {
            String json = renderer.render(reportOf(story), "slack").toString();
            assertThat(json)
                    .doesNotContain(
                            Fixtures.ROTATED.secret().reveal(),
                            Fixtures.STALE.secret().reveal(),
                            Fixtures.ROTATED.accessKeyId(),
                            Fixtures.STALE.accessKeyId());
        }
    }

    private void checkGolden(String name, Report report) {
        ObjectNode message = renderer.render(report, "slack-oncall");
        GoldenFiles.assertMatches("slack/" + name, message);
    }
}
