package dev.credrift.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.roles.Role;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code credrift run --config FILE}: the configuration reaches every role, through a kubeconfig file and token files. */
@ExtendWith(KafkaBrokerExtension.class)
class RunRolesIT {

    @TempDir
    Path dir;

    private MockKubernetes kubernetes;
    private OnePasswordConnectEmulator onePassword;
    private ConfigFiles files;

    @BeforeEach
    void startWorld() {
        kubernetes = MockKubernetes.start();
        onePassword = OnePasswordConnectEmulator.start();
        files = new ConfigFiles(dir);
    }

    @AfterEach
    void stopWorld() {
        onePassword.close();
        kubernetes.close();
    }

    @Test
    void shouldStartEveryRoleWhenConfigHasWhatTheyNeed(KafkaBroker kafka) throws Exception {
        Path config = config(kafka, files.fingerprintKey());

        try (RunningCredrift running = InProcess.start(
                "--config",
                config.toString(),
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--topic-prefix",
                kafka.uniqueName("roles"),
                "--readiness-interval",
                "200ms")) {

            assertThat(running.roles()).containsExactly(Role.NOTIFIER, Role.RECONCILER, Role.WATCHER);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = InProcess.get(running, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(200);
            });
        }
    }

    @Test
    void shouldNameRoleAndFileWhenFingerprintKeyIsTooShort(KafkaBroker kafka) throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "tiny", StandardCharsets.UTF_8);
        Path config = config(kafka, shortKey);

        assertThatThrownBy(() -> start(config, kafka.uniqueName("short-key")))
                .isInstanceOf(CredriftStartupException.class)
                .hasMessageContaining("fingerprintKeyFile: " + shortKey + " holds 4 bytes; at least 16 are needed")
                .hasMessageNotContaining("tiny");
    }

    /** Regression (CI, stop 21): under load the API's first answer came late, the roles deferred, the start "worked". */
    @Test
    void shouldRefuseShortKeyAtOnceWhenKubernetesHasNotAnswered(KafkaBroker kafka) throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "tiny-key", StandardCharsets.UTF_8);
        Path config = files.config(
                kafka.bootstrapServers(),
                shortKey,
                files.kubeconfig("https://127.0.0.1:" + closedPort()),
                onePassword.baseUri(),
                files.token(onePassword.token().reveal()));

        assertThatThrownBy(() -> start(config, kafka.uniqueName("short-key-late")))
                .isInstanceOf(CredriftStartupException.class)
                .hasMessageContaining("watcher: fingerprintKeyFile: " + shortKey + " holds 8 bytes")
                .hasMessageNotContaining("tiny-key");
    }

    private static RunningCredrift start(Path config, String topicPrefix) {
        return InProcess.start(
                "--config",
                config.toString(),
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--topic-prefix",
                topicPrefix);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Path config(KafkaBroker kafka, Path fingerprintKey) {
        return files.config(
                kafka.bootstrapServers(),
                fingerprintKey,
                files.kubeconfig(kubernetes.url()),
                onePassword.baseUri(),
                files.token(onePassword.token().reveal()));
    }
}
