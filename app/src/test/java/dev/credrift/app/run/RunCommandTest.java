package dev.credrift.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.roles.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @Test
    void shouldUseDefaultsWhenNoOptionIsGiven() {
        RunSettings settings = settings(Map.of());

        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.kafka()).isEmpty();
        assertThat(settings.topics().names())
                .contains("credrift.state", "credrift.audit")
                .hasSize(5);
        assertThat(settings.topics().specs()).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(3);
            assertThat(spec.replicationFactor()).isEqualTo((short) 1);
        });
        assertThat(settings.kafkaTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readinessInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeEveryOptionWhenGiven() {
        RunSettings settings = settings(
                Map.of(),
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "9090",
                "--kafka",
                "k1:9092,k2:9092",
                "--topic-prefix",
                "team-a",
                "--partitions",
                "12",
                "--replication-factor",
                "3",
                "--kafka-timeout",
                "2s",
                "--readiness-interval",
                "500ms",
                "--shutdown-timeout",
                "1m");

        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.kafka()).contains(BootstrapServers.parse("k1:9092,k2:9092"));
        assertThat(settings.topics().names()).contains("team-a.state");
        assertThat(settings.topics().specs()).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(12);
            assertThat(spec.replicationFactor()).isEqualTo((short) 3);
        });
        assertThat(settings.kafkaTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readinessInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldReadKafkaFromEnvironmentWhenOptionIsAbsent() {
        RunSettings settings = settings(Map.of("CREDRIFT_KAFKA_BOOTSTRAP", "kafka.streaming:9092"));

        assertThat(settings.kafka()).contains(BootstrapServers.parse("kafka.streaming:9092"));
    }

    @Test
    void shouldPreferOptionWhenOptionAndEnvironmentBothGiveKafka() {
        RunSettings settings =
                settings(Map.of("CREDRIFT_KAFKA_BOOTSTRAP", "from-env:9092"), "--kafka", "from-option:9092");

        assertThat(settings.kafka()).contains(BootstrapServers.parse("from-option:9092"));
    }

    @Test
    void shouldNameVariableWhenEnvironmentKafkaIsInvalid() {
        assertThatThrownBy(() -> settings(Map.of("CREDRIFT_KAFKA_BOOTSTRAP", "no-port")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("CREDRIFT_KAFKA_BOOTSTRAP: bootstrap servers: 'no-port'");
    }

    @Test
    void shouldNameOptionWhenKafkaOptionIsInvalid() {
        assertThatThrownBy(() -> settings(Map.of(), "--kafka", "kafka:99999"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("Invalid value for option '--kafka'")
                .hasMessageContaining("outside 1-65535");
    }

    @Test
    void shouldNameOptionWhenNumbersAreOutOfRange() {
        assertThatThrownBy(() -> settings(Map.of(), "--partitions", "0"))
                .hasMessage("--partitions must be at least 1, got 0");
        assertThatThrownBy(() -> settings(Map.of(), "--replication-factor", "-1"))
                .hasMessage("--replication-factor must be at least 1, got -1");
        assertThatThrownBy(() -> settings(Map.of(), "--http-port", "70000"))
                .hasMessage("--http-port must be 0-65535, got 70000");
        assertThatThrownBy(() -> settings(Map.of(), "--kafka-timeout", "0s"))
                .hasMessageStartingWith("--kafka-timeout must be positive");
    }

    @Test
    void shouldNameOptionWhenDurationIsMalformed() {
        assertThatThrownBy(() -> settings(Map.of(), "--readiness-interval", "soon"))
                .hasMessageContaining("'--readiness-interval'")
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void shouldNameOptionWhenTopicPrefixIsIllegal() {
        assertThatThrownBy(() -> settings(Map.of(), "--topic-prefix", "bad prefix!"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageStartingWith("--topic-prefix:");
    }

    @Test
    void shouldExitWithUsageErrorWhenOptionIsInvalid() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("run", "--partitions", "zero");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("credrift: Invalid value for option '--partitions': 'zero' is not an int")
                .contains("Try 'credrift run --help'");
    }

    @Test
    void shouldStartOnlyNotifierWhenNoConfigIsGiven() {
        RunSettings settings = settings(Map.of());

        assertThat(settings.roles()).containsExactly(Role.NOTIFIER);
        assertThat(settings.roleNotices()).hasSize(2);
        assertThat(settings.groupPrefix()).isEqualTo("credrift");
    }

    @Test
    void shouldTakeKafkaAndTopicsFromConfigWhenOptionsAreAbsent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credrift.yaml");
        Files.writeString(file, """
                kafka: {bootstrapServers: "from-config:9092", topicPrefix: team-b, partitions: 2}
                fingerprintKeyFile: /keys/fp
                """);

        RunSettings settings = settings(Map.of(), "--config", file.toString(), "--roles", "watcher,notifier");

        assertThat(settings.kafka()).contains(BootstrapServers.parse("from-config:9092"));
        assertThat(settings.topics().names()).contains("team-b.audit");
        assertThat(settings.topics().specs())
                .allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(2));
        assertThat(settings.groupPrefix()).isEqualTo("team-b");
        assertThat(settings.roles()).containsExactlyInAnyOrder(Role.WATCHER, Role.NOTIFIER);
        assertThat(settings.config().file()).contains(file);
    }

    @Test
    void shouldPreferOptionsAndEnvironmentOverConfigWhenBothGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credrift.yaml");
        Files.writeString(file, "kafka: {bootstrapServers: \"from-config:9092\", partitions: 2}\n");

        RunSettings fromEnvironment = settings(
                Map.of("CREDRIFT_CONFIG", file.toString(), "CREDRIFT_KAFKA_BOOTSTRAP", "from-env:9092"),
                "--partitions",
                "5",
                "--roles",
                "notifier");

        assertThat(fromEnvironment.kafka()).contains(BootstrapServers.parse("from-env:9092"));
        assertThat(fromEnvironment.topics().specs())
                .allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(5));
        assertThat(fromEnvironment.config().file()).contains(file);
    }

    @Test
    void shouldExitWithFileLineAndFieldWhenConfigIsInvalid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credrift.yaml");
        Files.writeString(file, "kafka:\n  partitions: many\n");
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("run", "--config", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "credrift: configuration " + file + ":2: kafka.partitions: must be a whole number, got 'many'");
    }

    @Test
    void shouldRefuseUnknownRoleWhenRolesAreGiven() {
        assertThatThrownBy(() -> settings(Map.of(), "--roles", "watcher,janitor"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("janitor");
    }

    @Test
    void shouldListRolesInHelpWhenRunHelpIsAsked() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("run", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("--config=FILE")
                .contains("--roles=ROLE[,ROLE...]")
                .contains("watcher     cluster -> observations")
                .contains("reconciler")
                .contains("notifier");
    }

    private static RunSettings settings(Map<String, String> environment, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        CommandLine.ParseResult parsed =
                CredriftCommand.commandLine(Environment.of(environment)).parseArgs(args);
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        return run.settings();
    }
}
