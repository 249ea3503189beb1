package dev.credrift.app.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.ConditionType;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.sandbox.CredriftInWorld;
import dev.credrift.app.sandbox.OutcomeTap;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kube.ApiLatency;
import dev.credrift.sandbox.kube.RequestCounts;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import dev.credrift.sandbox.world.spec.WorldSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, "freshness never misfires under load": a still world of {@value #BINDINGS} bindings (the benchmark's,
 * {@link BenchWorld}, whose timeline is never run) on an artificially slow Kubernetes API — every answer held back
 * {@link #LATENCY}, from before the world's objects are applied, so ESO writes the replicas seconds after the pods
 * that read them started — is assessed by credrift and then watched for {@link #QUIET}: nothing drifts, nothing is
 * rolled out, no pod is deleted or replaced. {@code -Dcredrift.still.n} picks another N.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StillWorldIT {

    private static final Logger LOG = LoggerFactory.getLogger(StillWorldIT.class);
    private static final int BINDINGS = 300;
    private static final ApiLatency LATENCY = new ApiLatency(Duration.ofMillis(5), Duration.ofMillis(45));
    private static final Duration ASSESSMENT_BOUND = Duration.ofSeconds(150);
    private static final Duration QUIET = Duration.ofSeconds(20);
    private static final Set<String> WORKLOADS = Set.of("deployments", "statefulsets", "daemonsets");

    @Test
    void shouldRestartNothingWhenAStillWorldOfThreeHundredIsAssessedOnASlowApi(KafkaBroker broker) {
        int n = Integer.getInteger("credrift.still.n", BINDINGS);
        WorldSpec spec = BenchWorld.spec(n, 0);
        byte[] fingerprintKey = new byte[32];
        byte[] auditKey = new byte[32];
        new SecureRandom().nextBytes(fingerprintKey);
        new SecureRandom().nextBytes(auditKey);
        Vertx vertx = Vertx.vertx();
        WorldOptions options = WorldOptions.defaults()
                .withKafka(broker)
                .withFingerprintKey(fingerprintKey)
                .withKubeLatency(LATENCY);
        try (World world = World.start(spec, options)) {
            assertThat(world.settled())
                    .as("the world settled before credrift started")
                    .isTrue();
            Map<String, String> podsBefore = pods(world);
            assertThat(podsBefore).hasSize(n);
            BindingTimes times = new BindingTimes(); // never armed: any drift counts as drift in a still world
            try (CredriftInWorld credrift = CredriftInWorld.start(
                            vertx,
                            world,
                            BootstrapServers.parse(broker.bootstrapServers()),
                            "credrift.still-" + n,
                            fingerprintKey,
                            auditKey);
                    OutcomeTap tap = new OutcomeTap(
                            broker.bootstrapServers(), credrift.outcomesTopic(), credrift.auditTopic(), times)) {
                tap.start();
                try {
                    await().pollInterval(Duration.ofMillis(250))
                            .atMost(ASSESSMENT_BOUND)
                            .until(() -> ScaleBenchmark.assessed(world) >= n);
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(
                            "not every binding assessed within " + ASSESSMENT_BOUND + ": " + unassessed(world), e);
                }
                RequestCounts requests = world.kubernetes().requests();
                Map<String, Long> assessedBy = requests.byResource(CredriftInWorld.USER_AGENT);
                await().pollInterval(Duration.ofMillis(250))
                        .during(QUIET)
                        .atMost(QUIET.plusSeconds(10))
                        .until(() -> times.driftBeforeRotation() == 0);
                Map<String, Long> credrifts = requests.byResource(CredriftInWorld.USER_AGENT);
                LOG.info(
                        "credrift's requests to assess {} bindings: {}; in the {} s after: {}",
                        n,
                        assessedBy,
                        QUIET.toSeconds(),
                        ScaleBenchmark.difference(assessedBy, credrifts));

                assertThat(times.driftBeforeRotation())
                        .as("bindings judged drifting")
                        .isZero();
                assertThat(credrifts.entrySet())
                        .as("credrift's rollouts and pod deletions")
                        .noneMatch(e -> e.getValue() > 0 && writesWorkloadOrDeletesPod(e.getKey()));
                assertThat(pods(world)).as("the pods, by name and UID").isEqualTo(podsBefore);
            }
        } finally {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
    }

    /** A PATCH or UPDATE of a workload (a rollout restart), or a DELETE of a pod. */
    private static boolean writesWorkloadOrDeletesPod(String verbAndResource) {
        String[] parts = verbAndResource.split(" ", 2);
        return (parts[0].equals("PATCH") || parts[0].equals("UPDATE")) && WORKLOADS.contains(parts[1])
                || parts[0].equals("DELETE") && parts[1].equals("pods");
    }

    private static Map<String, String> pods(World world) {
        return world.kubernetesClient().pods().inNamespace(BenchWorld.NAMESPACE).list().getItems().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), StillWorldIT::uid));
    }

    /** Bindings whose status shows no judgement by credrift, with the conditions it does show. */
    private static Map<String, List<String>> unassessed(World world) {
        return world
                .kubernetesClient()
                .resources(CredentialBinding.class)
                .inNamespace(BenchWorld.NAMESPACE)
                .list()
                .getItems()
                .stream()
                .filter(b -> b.getStatus() == null
                        || b.getStatus().driftClass() == null
                                && b.getStatus()
                                        .condition(ConditionType.IN_SYNC)
                                        .isEmpty())
                .collect(Collectors.toMap(
                        b -> b.getMetadata().getName(),
                        b -> b.getStatus() == null
                                ? List.of()
                                : b.getStatus().conditions().stream()
                                        .map(c -> c.type().wireName())
                                        .toList()));
    }

    private static String uid(Pod pod) {
        return pod.getMetadata().getUid();
    }
}
