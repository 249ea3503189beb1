package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.app.cli.Environment;
import dev.credrift.app.local.LocalMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Story 1 replayed by the sandbox with every role running, its log read as an operator reads it (the text format):
 * each per-binding line of watcher, reconciler and notifier names the binding in the context brackets before the
 * message, and the message itself does not repeat it.
 */
class SandboxLogContextIT {

    private static final String STORY = "story-1-loki-rook-1password";
    private static final String BINDING = "monitoring/loki-s3";
    // time, level, [thread], logger - message
    private static final Pattern LINE = Pattern.compile("^\\S+ +[A-Z]+ +\\[[^\\]]*] (\\S+) - (.*)$");
    private static final Pattern CONTEXT = Pattern.compile("^\\[([^\\] ]+)[^\\]]*] (.*)$");
    // the messages written about one binding: reconciler handling, watcher observation and status, notifier sinks
    private static final List<String> PER_BINDING =
            List.of("Handle:", "Remediation:", "Report:", "Observe:", "Status:", "sink ");

    @Test
    void shouldNameTheBindingOnEveryRolesPerBindingLineWhenStory1Replays() {
        CommandLine commandLine = LocalMain.commandLine(Environment.of(Map.of()));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        int exitCode;
        // the log appender follows System.err: every log line of this run lands in `logs`
        try (PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            exitCode = commandLine.execute("sandbox", "--story", STORY, "--verbose");
        } finally {
            System.setErr(originalErr);
        }
        List<Matcher> lines = logs.toString(StandardCharsets.UTF_8)
                .lines()
                .map(LINE::matcher)
                .filter(Matcher::matches)
                .toList();
        List<Matcher> perBinding =
                lines.stream().filter(SandboxLogContextIT::perBinding).toList();

        assertThat(exitCode).isZero();
        assertThat(perBinding)
                .extracting(line -> line.group(1))
                .contains("BindingHandler", "RemediationRunner", "NotifierVerticle");
        assertThat(perBinding).allSatisfy(line -> {
            Matcher context = CONTEXT.matcher(line.group(2));
            assertThat(context.matches())
                    .as("context brackets on %s", line.group())
                    .isTrue();
            assertThat(context.group(1)).as(line.group()).isEqualTo(BINDING);
            assertThat(context.group(2)).as(line.group()).doesNotContainPattern(Pattern.quote(BINDING) + "(?![-.\\w])");
        });
    }

    private static boolean perBinding(Matcher line) {
        String message = line.group(2).replaceFirst("^\\[[^\\]]*] ", "");
        // no emulator of the sandbox writes messages with these prefixes (text lines name the logger's class only)
        return PER_BINDING.stream().anyMatch(message::startsWith);
    }
}
