package dev.credrift.app.sandbox;

import dev.credrift.app.cli.Environment;
import dev.credrift.app.local.LocalMain;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The acceptance test of the sandbox (issue 6): {@code credrift sandbox} replays the built-in stories that heal
 * today green with the real watcher, reconciler and notifier, and no credential of any world — store keys before and
 * after rotation, 1Password field values, the Connect token — appears in stdout, a log line, an {@code --out} file or
 * a notification.
 *
 * <p>Add a story to {@link #GREEN_STORIES} when it replays green; never loosen the checks to get it in.
 */
class SandboxIT {

    static final List<String> GREEN_STORIES = List.of(
            "story-1-loki-rook-1password",
            "story-2-tempo-minio",
            "story-3-tls-private-ca",
            "story-3-tls-wrong-ca",
            "story-4-tempo-irsa",
            "story-5-loki-rrsa",
            "story-6-scheduled-rotation");

    @TempDir
    Path out;

    private final WorldSecrets secrets = new WorldSecrets();
    private final Map<String, WorldReport> reports = new LinkedHashMap<>();
    private final List<String> notificationBodies = new ArrayList<>();

    @Test
    void shouldReplayEveryBuiltInStoryGreenWithoutLeakingAnyCredential() throws IOException {
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--verbose"));
        GREEN_STORIES.forEach(story -> args.addAll(List.of("--story", story)));
        SandboxRun run = SandboxRun.execute(
                new WorldObserver() {
                    @Override
                    public void worldStarted(World world) {
                        secrets.collect(world);
                    }

                    @Override
                    public void worldFinished(World world, WorldReport report) {
                        secrets.collect(world);
                        reports.put(world.spec().name(), report);
                        world.webhookSink()
                                .ifPresent(sink -> sink.requests().stream()
                                        .map(ReceivedRequest::bodyText)
                                        .forEach(notificationBodies::add));
                    }
                },
                Map.of(),
                args.toArray(String[]::new));
        String printed = run.printed();
        String logged = run.logged();
        int exitCode = run.exitCode();

        String outcomes = Files.readString(out.resolve("outcomes.jsonl"));
        String audit = Files.readString(out.resolve("audit.jsonl"));
        String notifications = Files.readString(out.resolve("notifications.jsonl"));
        // the run's audit key is written for `audit verify --file`, and must appear nowhere else
        secrets.add(Files.readString(out.resolve("audit.key")));

        // both verdicts at once: a story that fails must not hide a leak, nor a leak a failing story
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(secrets.all())
                .as("credentials collected from the worlds")
                .hasSizeGreaterThan(2);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("stdout", printed);
        outputs.put("log lines", logged);
        outputs.put("outcomes.jsonl", outcomes);
        outputs.put("audit.jsonl", audit);
        outputs.put("notifications.jsonl", notifications);
        outputs.put("notification bodies", String.join("\n", notificationBodies));
        outputs.forEach((where, text) -> {
            for (String secret : secrets.all()) {
                softly.assertThat(text.contains(secret))
                        .as("a credential of the world appears in " + where)
                        .isFalse();
            }
        });

        softly.assertThat(BuiltInWorlds.names()).containsAll(GREEN_STORIES);
        softly.assertThat(reports.keySet()).containsExactlyElementsOf(GREEN_STORIES);
        reports.forEach((name, report) -> softly.assertThat(report.passed())
                .as(name + ":%n" + report.summary())
                .isTrue());
        softly.assertThat(exitCode).as(run.usage()).isZero();
        for (String name : GREEN_STORIES) {
            softly.assertThat(printed).contains("✓ PASSED " + name);
            // a story in sync throughout publishes no outcome: credrift found nothing to report
            boolean drifted = reports.get(name) != null
                    && reports.get(name).driftClasses().stream().anyMatch(e -> !"IN_SYNC".equals(e.driftClass()));
            if (drifted) {
                softly.assertThat(outcomes).contains("\"sandboxworld\":\"" + name + "\"");
            }
        }
        softly.assertThat(printed)
                .contains("chain of monitoring/")
                .contains("all " + GREEN_STORIES.size() + " world(s) reached their expected end state");
        softly.assertThat(outcomes).contains("dev.credrift.drift.detected.v1").contains("ENDPOINT_UNTRUSTED");
        softly.assertThat(audit).contains("dev.credrift.audit.record.v1");
        softly.assertThat(notifications).contains("\"kind\":\"slack\"").contains("\"kind\":\"webhook\"");
        softly.assertThat(notificationBodies).isNotEmpty();
        // the sink checked every webhook signature, of both schemes, and kept what a receiver needs to check it again
        List<String> webhooks = notifications
                .lines()
                .filter(line -> line.contains("\"kind\":\"webhook\""))
                .toList();
        softly.assertThat(webhooks)
                .isNotEmpty()
                .allSatisfy(line ->
                        softly.assertThat(line).contains("\"result\":\"valid\"").contains("\"rawBody\":"));
        softly.assertThat(notifications)
                .contains("\"scheme\":\"standard-webhooks\"")
                .contains("\"scheme\":\"credrift\"");
        // the exported audit trail verifies, keyed, with the run's key
        StringWriter verified = new StringWriter();
        CommandLine verify = LocalMain.commandLine(Environment.of(Map.of()));
        verify.setOut(new PrintWriter(verified));
        verify.setErr(new PrintWriter(verified));
        softly.assertThat(verify.execute(
                        "audit",
                        "verify",
                        "--file",
                        out.resolve("audit.jsonl").toString(),
                        "--audit-key",
                        out.resolve("audit.key").toString(),
                        "--require-keyed"))
                .as(verified.toString())
                .isZero();
        softly.assertThat(verified.toString()).contains("result: intact").doesNotContain("UNKEYED");
        softly.assertAll();
    }
}
