package dev.credrift.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.app.cli.Environment;
import dev.credrift.app.logging.LogFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CredriftCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldListCommandsWhenHelpIsAsked() {
        int exitCode = commandLine(Map.of()).execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("Usage: credrift")
                .contains("run")
                .contains("version")
                .contains("--log-format")
                .contains("notify")
                .contains("audit");
    }

    @Test
    void shouldFailWithUsageErrorWhenNotifyTestHasNoSink() {
        int exitCode = commandLine(Map.of()).execute("notify", "test");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--sink=NAME'");
    }

    @Test
    void shouldAskForConfigWhenNotifyTestHasNone() {
        int exitCode = commandLine(Map.of()).execute("notify", "test", "--sink", "slack-oncall");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("needs the configuration file that defines the sink: --config FILE or CREDRIFT_CONFIG");
    }

    @Test
    void shouldAskForKafkaWhenAuditVerifyHasNone() {
        int exitCode = commandLine(Map.of()).execute("audit", "verify");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("needs Kafka: --kafka HOST:PORT, CREDRIFT_KAFKA_BOOTSTRAP or kafka.bootstrapServers");
    }

    @Test
    void shouldPrintVersionWhenVersionCommandRuns() {
        int exitCode = commandLine(Map.of()).execute("version");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("credrift " + Version.current() + " (Java ");
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldFailWithUsageErrorWhenNoCommandIsGiven() {
        int exitCode = commandLine(Map.of()).execute();

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command").contains("Try 'credrift --help'");
    }

    @Test
    void shouldTakeLogFormatWhenGivenAfterSubcommand() {
        CommandLine commandLine = commandLine(Map.of("CREDRIFT_LOG_FORMAT", "text"));

        commandLine.parseArgs("run", "--log-format", "JSON");

        assertThat(((CredriftCommand) commandLine.getCommand()).logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void shouldTakeLogFormatFromEnvironmentWhenNoOptionIsGiven() {
        CommandLine commandLine = commandLine(Map.of("CREDRIFT_LOG_FORMAT", "json"));

        commandLine.parseArgs("run");

        assertThat(((CredriftCommand) commandLine.getCommand()).logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void shouldRejectLogFormatWhenUnknown() {
        int exitCode = commandLine(Map.of()).execute("--log-format", "xml", "version");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--log-format").contains("xml");
    }

    private CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine;
    }
}
