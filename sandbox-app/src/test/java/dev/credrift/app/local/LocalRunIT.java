package dev.credrift.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.health.Readiness;
import dev.credrift.app.run.CredriftRuntime;
import dev.credrift.app.run.RunCommand;
import dev.credrift.app.run.RunningCredrift;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./credrift run} without Kafka: the local artifact starts an embedded broker and stops it on close. */
class LocalRunIT {

    @Test
    void shouldBecomeReadyOnEmbeddedBrokerWhenNoKafkaIsGiven() {
        CommandLine.ParseResult parsed = LocalMain.commandLine(Environment.of(Map.of()))
                .parseArgs("run", "--http-host", "127.0.0.1", "--http-port", "0", "--readiness-interval", "200ms");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        String bootstrap;
        try (RunningCredrift running = CredriftRuntime.start(run.settings(), EmbeddedKafka::start, Clock.systemUTC())) {
            assertThat(running.embeddedKafka()).isTrue();
            bootstrap = running.bootstrapServers().value();
            assertThat(bootstrap).startsWith("127.0.0.1:");

            await().atMost(Duration.ofSeconds(30)).until(() -> running.readiness() instanceof Readiness.Ready);
        }
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("the embedded broker is stopped on close")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldOfferSandboxOnlyInTheLocalArtifactWhenCommandTreesAreBuilt() {
        assertThat(LocalMain.commandLine(Environment.of(Map.of())).getSubcommands())
                .containsKey("sandbox");
        assertThat(CredriftCommand.commandLine(Environment.of(Map.of())).getSubcommands())
                .doesNotContainKey("sandbox")
                .containsKeys("run", "check", "audit", "notify");
    }
}
