package dev.credrift.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.promtool.Promtool;
import dev.credrift.app.KubeconfigFile;
import dev.credrift.app.run.InProcess;
import dev.credrift.app.run.RunningCredrift;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /metrics} of every role combination, against story 1's world, passes {@code promtool check metrics} and
 * carries each role's series from the start (at zero where nothing happened yet).
 */
@ExtendWith(KafkaBrokerExtension.class)
class MetricsExpositionIT {

    private static final String SINK = "ops-hook";

    @TempDir
    static Path dir;

    private static World world;
    private static Path config;

    @BeforeAll
    static void startWorld(KafkaBroker kafka) throws Exception {
        byte[] fingerprintKey = new byte[32];
        new SecureRandom().nextBytes(fingerprintKey);
        world = World.start(
                BuiltInWorlds.load("story-1-loki-rook-1password"),
                WorldOptions.defaults().withFingerprintKey(fingerprintKey));
        Path key = Files.write(dir.resolve("fingerprint.key"), fingerprintKey);
        Path token = Files.writeString(
                dir.resolve("connect.token"), world.onePasswordToken().reveal());
        Path hookUrl = Files.writeString(dir.resolve("hook.url"), "http://127.0.0.1:9/never-called");
        Path hookKey = Files.writeString(dir.resolve("hook.key"), "0123456789abcdef0123456789abcdef");
        config = Files.writeString(dir.resolve("credrift.yaml"), """
                kafka: {bootstrapServers: "%s", partitions: 1}
                fingerprintKeyFile: %s
                kubernetes: {kubeconfig: %s}
                onePassword: {url: "%s", tokenFile: %s}
                watcher: {leaderElection: false}
                notifier:
                  sinks:
                    - {name: %s, kind: webhook, url: {file: %s}, signingKey: {file: %s}}
                """.formatted(
                        kafka.bootstrapServers(),
                        key,
                        KubeconfigFile.write(dir, world.kubernetesUrl(), "monitoring"),
                        world.onePasswordUrl(),
                        token,
                        SINK,
                        hookUrl,
                        hookKey));
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    static Stream<String> roleCombinations() {
        return Stream.of(
                "notifier",
                "reconciler",
                "watcher",
                "notifier,reconciler",
                "notifier,watcher",
                "reconciler,watcher",
                "watcher,reconciler,notifier");
    }

    @ParameterizedTest
    @MethodSource("roleCombinations")
    void shouldPassPromtoolAndCarryEachRolesSeriesWhenRolesRun(String roles, KafkaBroker kafka) {
        Promtool promtool = Promtool.require();
        String prefix = kafka.uniqueName("metrics-" + roles.replace(',', '-'));
        try (RunningCredrift running = InProcess.start(
                "--config",
                config.toString(),
                "--roles",
                roles,
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--topic-prefix",
                prefix,
                "--readiness-interval",
                "200ms")) {
            List<String> expected = expectedSeries(roles, prefix);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(scrape(running)).contains(expected));

            String exposition = scrape(running);
            Promtool.Result check = promtool.checkMetrics(exposition);

            assertThat(check.output()).as("promtool check metrics").isBlank();
            assertThat(check.exitCode()).isZero();
        }
    }

    private static String scrape(RunningCredrift running) {
        return InProcess.get(running, "/metrics").body();
    }

    private static List<String> expectedSeries(String roles, String groupPrefix) {
        List<String> series = new ArrayList<>(
                List.of("credrift_ready{", "process_cpu_seconds_total{", "system_cpu_logical_processors{"));
        if (roles.contains("notifier")) {
            series.addAll(List.of(
                    "credrift_notifier_notifications_total{application=\"credrift\",result=\"delivered\",sink=\"" + SINK
                            + "\"} 0.0",
                    "credrift_notifier_notifications_total{application=\"credrift\",result=\"failed\",sink=\"" + SINK
                            + "\"} 0.0",
                    "kafka_consumer_fetch_manager_records_lag_max{",
                    "group=\"" + groupPrefix + "-notifier\""));
        }
        if (roles.contains("reconciler")) {
            series.addAll(List.of(
                    "credrift_reconciler_drifts_total{application=\"credrift\",class=\"AUTHORITY_REJECTED\"} 0.0",
                    "credrift_reconciler_remediations_total{application=\"credrift\",outcome=\"deferred\"} 0.0",
                    "credrift_reconciler_remediations_total{application=\"credrift\",outcome=\"superseded\"} 0.0",
                    "credrift_reconciler_step_duration_seconds_count{",
                    "credrift_reconciler_probes_total{",
                    "credrift_reconciler_bindings{",
                    "credrift_reconciler_bindings_halted{",
                    "credrift_reconciler_breaker_state{",
                    "credrift_reconciler_rollout_budget_remaining{",
                    "group=\"" + groupPrefix + "-reconciler\""));
        }
        if (roles.contains("reconciler") && roles.contains("watcher")) {
            // story 1's binding, observed by the watcher and handled by the reconciler
            series.addAll(List.of(
                    "credrift_reconciler_binding_state{application=\"credrift\",binding_name=\"loki-s3\","
                            + "binding_namespace=\"monitoring\",state=\"IN_SYNC\"} 1.0",
                    "credrift_reconciler_binding_drift_age_seconds{application=\"credrift\",binding_name=\"loki-s3\","
                            + "binding_namespace=\"monitoring\"} 0.0",
                    "credrift_reconciler_binding_halted{",
                    "credrift_reconciler_binding_rollouts{"));
        }
        if (roles.contains("watcher")) {
            series.addAll(List.of(
                    "credrift_watcher_observations_published_total{",
                    "credrift_watcher_caches_synced{application=\"credrift\"} 1.0",
                    "credrift_watcher_informers{",
                    "credrift_watcher_onepassword_polls_total{application=\"credrift\",result=\"forbidden\"}"));
        }
        return series;
    }
}
