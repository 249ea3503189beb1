package dev.credrift.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.health.Readiness;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class RunIT {

    @Test
    void shouldServeHealthReadinessAndMetricsWhenKafkaIsUp(KafkaBroker kafka) {
        String prefix = kafka.uniqueName("run");
        try (RunningCredrift running = InProcess.start(
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--kafka",
                kafka.bootstrapServers(),
                "--topic-prefix",
                prefix,
                "--readiness-interval",
                "200ms")) {

            assertThat(running.embeddedKafka()).isFalse();
            HttpResponse<String> health = InProcess.get(running, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("alive");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = InProcess.get(running, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("ready");
            });

            HttpResponse<String> metrics = InProcess.get(running, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("# TYPE jvm_memory_used_bytes gauge")
                    .contains("credrift_ready{application=\"credrift\"} 1.0")
                    .contains(
                            "http_server_requests_seconds_count{application=\"credrift\",method=\"GET\",route=\"/readyz\",status=\"200\"}")
                    .contains("vertx_pool_in_use");
        }
    }

    @Test
    void shouldStopHttpWhenClosed(KafkaBroker kafka) {
        RunningCredrift running = InProcess.start(
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--kafka",
                kafka.bootstrapServers(),
                "--topic-prefix",
                kafka.uniqueName("close"));
        int port = running.httpPort();
        assertThat(InProcess.get(running, "/healthz").statusCode()).isEqualTo(200);
        long startedAt = System.nanoTime();

        running.close();

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldReportNotReadyWithReasonWhenKafkaIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long startedAt = System.nanoTime();
        try (RunningCredrift running = InProcess.start(
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--kafka",
                "127.0.0.1:" + closedPort,
                "--kafka-timeout",
                "1s",
                "--readiness-interval",
                "200ms")) {

            assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(15));
            assertThat(InProcess.get(running, "/healthz").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> ready = InProcess.get(running, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(503);
                JsonObject body = new JsonObject(ready.body());
                assertThat(body.getString("status")).isEqualTo("not ready");
                assertThat(body.getString("reason")).isEqualTo("kafka unreachable at 127.0.0.1:" + closedPort);
            });
            assertThat(InProcess.get(running, "/metrics").body())
                    .contains("credrift_ready{application=\"credrift\"} 0.0");
        }
    }

    @Test
    void shouldAnswerReadyzQuicklyWhenKafkaHangs() throws Exception {
        // a socket that accepts connections and never answers: the worst kind of broken broker
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RunningCredrift running = InProcess.start(
                        "--http-host",
                        "127.0.0.1",
                        "--http-port",
                        "0",
                        "--kafka",
                        "127.0.0.1:" + silent.getLocalPort(),
                        "--kafka-timeout",
                        "1s")) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + running.httpPort() + "/readyz"))
                    .timeout(Duration.ofSeconds(1))
                    .build();

            HttpResponse<String> ready = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(running.readiness()).isInstanceOf(Readiness.NotReady.class);
        }
    }

    @Test
    void shouldRefuseToStartNamingWhereToConfigureKafkaWhenNoneIsGiven() {
        // the production artifact carries no broker (the local launcher's embedded one: sandbox-app LocalRunIT)
        assertThatThrownBy(() -> InProcess.start("--http-host", "127.0.0.1", "--http-port", "0")
                        .close())
                .isInstanceOf(CredriftStartupException.class)
                .hasMessageContaining("no Kafka configured")
                .hasMessageContaining("--kafka")
                .hasMessageContaining("CREDRIFT_KAFKA_BOOTSTRAP")
                .hasMessageContaining("kafka.bootstrapServers");
    }

    @Test
    void shouldExitWithErrorNamingTopicWhenExistingTopicIsIncompatible(KafkaBroker kafka) throws Exception {
        String prefix = kafka.uniqueName("clash");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(prefix + ".state", 3, (short) 1).configs(Map.of("cleanup.policy", "delete"))))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }

        assertThatThrownBy(() -> InProcess.start(
                        "--http-host",
                        "127.0.0.1",
                        "--http-port",
                        "0",
                        "--kafka",
                        kafka.bootstrapServers(),
                        "--topic-prefix",
                        prefix))
                .isInstanceOf(CredriftStartupException.class)
                .hasMessageContaining(
                        "topic " + prefix + ".state: cleanup.policy is 'delete' but credrift needs 'compact'");

        StringWriter err = new StringWriter();
        int exitCode = CredriftCommand.commandLine(Environment.of(Map.of()))
                .setErr(new PrintWriter(err))
                .execute(
                        "run",
                        "--http-host",
                        "127.0.0.1",
                        "--http-port",
                        "0",
                        "--kafka",
                        kafka.bootstrapServers(),
                        "--topic-prefix",
                        prefix);
        assertThat(exitCode).isEqualTo(1);
    }
}
