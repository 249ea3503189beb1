package dev.credrift.app.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.kafka.BootstrapServers;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunCommandTest {

    @Test
    void shouldUseDefaultsWhenNoOptionIsGiven() {
        RunSettings settings = settings(Map.of());

        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.kafka()).isEmpty();
        assertThat(settings.topics().names()).contains("credrift.state", "credrift.audit").hasSize(5);
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
        RunSettings settings = settings(Map.of(), "--http-host", "127.0.0.1", "--http-port", "9090",
                "--kafka", "k1:9092,k2:9092", "--topic-prefix", "team-a", "--partitions", "12",
                "--replication-factor", "3", "--kafka-timeout", "2s", "--readiness-interval", "500ms",
                "--shutdown-timeout", "1m");

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
        RunSettings settings = settings(Map.of("CREDRIFT_KAFKA_BOOTSTRAP", "from-env:9092"), "--kafka", "from-option:9092");

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
        assertThatThrownBy(() -> settings(Map.of(), "--partitions", "0")).hasMessage("--partitions must be at least 1, got 0");
        assertThatThrownBy(() -> settings(Map.of(), "--replication-factor", "-1"))
                .hasMessage("--replication-factor must be at least 1, got -1");
        assertThatThrownBy(() -> settings(Map.of(), "--http-port", "70000")).hasMessage("--http-port must be 0-65535, got 70000");
        assertThatThrownBy(() -> settings(Map.of(), "--kafka-timeout", "0s")).hasMessageStartingWith("--kafka-timeout must be positive");
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
        assertThat(err.toString()).contains("credrift: Invalid value for option '--partitions': 'zero' is not an int")
                .contains("Try 'credrift run --help'");
    }

    private static RunSettings settings(Map<String, String> environment, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        CommandLine.ParseResult parsed = CredriftCommand.commandLine(Environment.of(environment)).parseArgs(args);
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        return run.settings();
    }
}
