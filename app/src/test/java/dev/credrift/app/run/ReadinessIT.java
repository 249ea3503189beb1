package dev.credrift.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.roles.Role;
import dev.credrift.sandbox.kafka.FreePorts;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz} names the dependency that fails and its URL; 1Password Connect only degrades. */
@ExtendWith(KafkaBrokerExtension.class)
class ReadinessIT {

    @TempDir
    Path dir;

    @Test
    void shouldAnswer503NamingKubernetesAndItsUrlWhenApiServerPortIsClosed(KafkaBroker kafka) throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        int closed = FreePorts.pick("127.0.0.1");
        try (OnePasswordConnectEmulator onePassword = OnePasswordConnectEmulator.start()) {
            Path config = files.config(
                    kafka.bootstrapServers(),
                    files.fingerprintKey(),
                    files.kubeconfig("https://127.0.0.1:" + closed),
                    onePassword.baseUri(),
                    files.token(onePassword.token().reveal()));
            long startedAt = System.nanoTime();
            RunningCredrift running = InProcess.start(
                    "--config",
                    config.toString(),
                    "--http-host",
                    "127.0.0.1",
                    "--http-port",
                    "0",
                    "--topic-prefix",
                    kafka.uniqueName("kube-down"),
                    "--kubernetes-timeout",
                    "2s",
                    "--readiness-interval",
                    "500ms",
                    "--shutdown-timeout",
                    "10s");
            try {
                assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
                        .as("start-up is bounded")
                        .isLessThan(Duration.ofSeconds(60));
                assertThat(running.roles())
                        .as("the roles that need Kubernetes wait for it")
                        .containsExactly(Role.NOTIFIER);

                HttpResponse<String> ready = InProcess.get(running, "/readyz");

                assertThat(ready.statusCode()).isEqualTo(503);
                String reason = new JsonObject(ready.body()).getString("reason");
                assertThat(reason)
                        .startsWith("kubernetes API at https://127.0.0.1:" + closed + "/ unreachable: ")
                        .contains("ConnectException")
                        .contains("watcher, reconciler not started: waiting for the kubernetes API")
                        .doesNotContain("null");
            } finally {
                long closingAt = System.nanoTime();
                running.close();
                assertThat(Duration.ofNanos(System.nanoTime() - closingAt))
                        .as("shutdown within --shutdown-timeout")
                        .isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void shouldAnswer200DegradedNamingOnePasswordWhenConnectIsUnreachable(KafkaBroker kafka) throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        URI unreachable = URI.create("http://127.0.0.1:" + FreePorts.pick("127.0.0.1"));
        try (MockKubernetes kubernetes = MockKubernetes.start()) {
            Path config = files.config(
                    kafka.bootstrapServers(),
                    files.fingerprintKey(),
                    files.kubeconfig(kubernetes.url()),
                    unreachable,
                    files.token("not-used-by-a-closed-port"));
            try (RunningCredrift running = InProcess.start(
                    "--config",
                    config.toString(),
                    "--http-host",
                    "127.0.0.1",
                    "--http-port",
                    "0",
                    "--topic-prefix",
                    kafka.uniqueName("vault-down"),
                    "--readiness-interval",
                    "200ms")) {
                assertThat(running.roles()).containsExactly(Role.NOTIFIER, Role.RECONCILER, Role.WATCHER);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    HttpResponse<String> ready = InProcess.get(running, "/readyz");
                    assertThat(ready.statusCode()).isEqualTo(200);
                    JsonObject body = new JsonObject(ready.body());
                    assertThat(body.getString("status")).isEqualTo("degraded");
                    assertThat(body.getString("reason"))
                            .contains("1Password Connect at " + unreachable + "/ unreachable: ")
                            .contains("ConnectException");
                });
                assertThat(InProcess.get(running, "/metrics").body())
                        .contains("credrift_degraded{application=\"credrift\"} 1.0")
                        .contains("credrift_ready{application=\"credrift\"} 1.0")
                        .contains("dependency=\"onepassword\",impact=\"degraded\"} 0.0")
                        .contains("dependency=\"kubernetes\",impact=\"unready\"} 1.0");
            }
        }
    }
}
