package dev.credrift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.run.ConfigFiles;
import dev.credrift.sandbox.kafka.FreePorts;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as shipped: {@code java -jar app/target/credrift-app-*.jar} finds its dependencies through the manifest's
 * {@code Class-Path} ({@code lib/}), and {@code run} stops cleanly on SIGTERM within {@code --shutdown-timeout}, also
 * while the Kubernetes API does not answer.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PackagedJarIT {

    private static final Pattern HTTP_ENDPOINT = Pattern.compile("HTTP endpoint on [^ ]+:(\\d+) ");

    @Test
    void shouldPrintVersionWhenJarRunsWithItsLibDirectory() throws Exception {
        Process process = java("version").start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read(process.getInputStream())).startsWith("credrift " + Version.current() + " (Java ");
    }

    @Test
    void shouldStopCleanlyWhenSigtermArrives(KafkaBroker kafka) throws Exception {
        Process process = java(
                        "run",
                        "--http-host",
                        "127.0.0.1",
                        "--http-port",
                        "0",
                        "--kafka",
                        kafka.bootstrapServers(),
                        "--topic-prefix",
                        kafka.uniqueName("jar"),
                        "--shutdown-timeout",
                        "20s")
                .start();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = drain(process.getErrorStream(), log);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> log.stream().anyMatch(line -> line.contains("credrift started in")));
            HttpResponse<String> health = get(port(log), "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);

            // SIGTERM through the handle: Process.destroy() would also close our end of the child's stderr
            process.toHandle().destroy();

            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("exited within 30s; log: %s", log)
                    .isTrue();
            reader.join(5_000);
            assertThat(process.exitValue()).as("128 + SIGTERM").isEqualTo(143);
            assertThat(log)
                    .anyMatch(line -> line.contains("signal received, shutting down"))
                    .anyMatch(line -> line.contains("credrift stopped in"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldNameKubernetesInOneLineAndStopWithinShutdownTimeoutWhenApiServerPortIsClosed(
            KafkaBroker kafka, @TempDir Path dir) throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        String server = "https://127.0.0.1:" + FreePorts.pick("127.0.0.1");
        Path config = files.config(
                kafka.bootstrapServers(),
                files.fingerprintKey(),
                files.kubeconfig(server),
                URI.create("http://127.0.0.1:" + FreePorts.pick("127.0.0.1")),
                files.token("not-used"));
        Process process = java(
                        "run",
                        "--config",
                        config.toString(),
                        "--http-host",
                        "127.0.0.1",
                        "--http-port",
                        "0",
                        "--topic-prefix",
                        kafka.uniqueName("jar-kube-down"),
                        "--kubernetes-timeout",
                        "2s",
                        "--readiness-interval",
                        "500ms",
                        "--shutdown-timeout",
                        "10s")
                .start();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = drain(process.getErrorStream(), log);
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> log.stream().anyMatch(line -> line.contains("credrift started in")));
            HttpResponse<String> ready = get(port(log), "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("kubernetes API at " + server + "/ unreachable");
            // several background checks later, still one line names the API server
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            log.stream().filter(line -> line.contains(server)).count() == 1);

            long signalledAt = System.nanoTime();
            process.toHandle().destroy();

            assertThat(process.waitFor(15, TimeUnit.SECONDS))
                    .as("exited; log: %s", log)
                    .isTrue();
            reader.join(5_000);
            assertThat(Duration.ofNanos(System.nanoTime() - signalledAt))
                    .as("--shutdown-timeout 10s; log: %s", log)
                    .isLessThan(Duration.ofSeconds(11));
            assertThat(log)
                    .anyMatch(line -> line.contains("credrift stopped in"))
                    .noneMatch(line -> line.contains("without a clean shutdown"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static int port(List<String> log) {
        return log.stream()
                .map(HTTP_ENDPOINT::matcher)
                .filter(Matcher::find)
                .map(matcher -> Integer.parseInt(matcher.group(1)))
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        // generous: the first request to a cold JVM on a shared, loaded CI machine has taken over 5 s
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static ProcessBuilder java(String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-jar", appJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CREDRIFT_KAFKA_BOOTSTRAP");
        builder.environment().remove("CREDRIFT_LOG_FORMAT");
        return builder;
    }

    private static Path appJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("credrift-app-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("no target/credrift-app-*.jar: run the package phase first"));
        }
    }

    private static Thread drain(InputStream stream, List<String> lines) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                },
                "credrift-jar-stderr");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
