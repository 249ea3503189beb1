package dev.credrift.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.sandbox.webhook.SinkBehavior;
import dev.credrift.sandbox.webhook.WebhookSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotifyTestCommandIT {

    private static final String HOOK_PATH = "/hooks/pl4nt3d-hook-path-secret";
    private static final String SLACK_PATH = "/services/T0PLANT/B0PLANT/pl4nt3dSlackToken";
    private static final String SIGNING_KEY = "pl4nt3d-signing-key-0123456789";

    @TempDir
    Path dir;

    private WebhookSink sink;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws Exception {
        sink = WebhookSink.start();
        Files.writeString(dir.resolve("hook-url"), sink.uri(HOOK_PATH) + "\n");
        Files.writeString(dir.resolve("slack-url"), sink.uri(SLACK_PATH).toString());
        config = dir.resolve("credrift.yaml");
        Files.writeString(config, """
                notifier:
                  sinks:
                    - name: audit-hook
                      kind: webhook
                      url: {file: %s}
                      signingKey: {env: HOOK_KEY}
                    - name: slack-oncall
                      kind: slack
                      url: {file: %s}
                    - name: unset-hook
                      kind: webhook
                      url: {env: NOT_SET_ANYWHERE}
                      signingKey: {env: HOOK_KEY}
                """.formatted(dir.resolve("hook-url"), dir.resolve("slack-url")));
    }

    @AfterEach
    void stopSink() {
        sink.close();
    }

    @Test
    void shouldPrintDeliveredAndExitZeroWhenWebhookAccepts() {
        int exitCode = run("notify", "test", "--sink", "audit-hook", "--config", config.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .isEqualTo("sink audit-hook (webhook): delivered (HTTP 200, attempt 1)" + System.lineSeparator());
        assertThat(sink.requests(HOOK_PATH)).singleElement().satisfies(request -> {
            assertThat(request.header("X-Credrift-Signature"))
                    .hasValueSatisfying(signature -> assertThat(signature).contains("v1="));
            assertThat(request.bodyText()).contains("notify-test").doesNotContain(SIGNING_KEY);
        });
        assertNoSecretIn(out.toString() + err.toString());
    }

    @Test
    void shouldPrintCodeAndStatusAndExitOneWhenSinkRefuses() {
        sink.respond(SLACK_PATH, SinkBehavior.status(404));

        int exitCode = run("notify", "test", "--sink", "slack-oncall", "--config", config.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .startsWith(
                        "sink slack-oncall (slack): NOT DELIVERED — HTTP_4XX (HTTP 404): the sink answered HTTP 404");
        assertThat(sink.requests(SLACK_PATH)).hasSize(1);
        assertNoSecretIn(out.toString() + err.toString());
    }

    @Test
    void shouldNameVariableAndExitOneWhenSinkSecretIsMissing() {
        int exitCode = run("notify", "test", "--sink", "unset-hook", "--config", config.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("sink 'unset-hook'").contains("environment variable NOT_SET_ANYWHERE");
        assertThat(sink.requests()).isEmpty();
    }

    @Test
    void shouldListConfiguredSinksAndExitOneWhenSinkIsUnknown() {
        int exitCode = run("notify", "test", "--sink", "pagerduty", "--config", config.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .contains("no sink named 'pagerduty'")
                .contains("audit-hook, slack-oncall, unset-hook");
    }

    private int run(String... args) {
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of("HOOK_KEY", SIGNING_KEY)));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain("pl4nt3d").doesNotContain(SIGNING_KEY);
    }
}
