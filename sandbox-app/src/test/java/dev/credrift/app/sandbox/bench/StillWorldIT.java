package dev.credrift.app.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.pod.Pods;
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
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, "freshness never misfires under load": a still world of {@value #BINDINGS} bindings (the benchmark's,
 * {@link BenchWorld}, whose timeline is never run) on an artificially slow Kubernetes API — every answer held back
 * {@link #LATENCY}, from before the world's objects are applied, and each replica's metadata time 1–5 s after
 * the start of the pod that reads it ({@link #stampReplicasAfterTheirPods}) — is assessed by credrift and then
 * watched for {@link #QUIET}: nothing drifts, nothing is rolled out, no pod is deleted or replaced. {@code -Dcredrift.still.n} picks another N.
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
        WorldOptions options = WorldOptions.defaults().withKafka(broker).withFingerprintKey(fingerprintKey);
        try (World world = World.start(spec, options)) {
            assertThat(world.settled())
                    .as("the world settled before credrift started")
                    .isTrue();
            Map<String, String> podsBefore = pods(world);
            assertThat(podsBefore).hasSize(n);
            stampReplicasAfterTheirPods(world);
            // slow from here on: credrift's start, informer lists and assessments (the world's own build on a slow
            // API took 186 s — ESO syncs 300 replicas one by one — and proves nothing about credrift)
            world.kubernetes().latency(LATENCY);
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
            ScaleBenchmark.close(vertx);
        }
    }

    /**
     * What a slow ESO does to a world built at once (issue 13): the replica's metadata time (its newest managedFields
     * entry, the only change time credrift can infer on first sight) lands 1–5 s after the pod that reads it started.
     * The sandbox's kubelet never starts a pod before its Secret exists, so on its own the slow stand-in does not get
     * there; each replica gets a metadata-only update by another field manager, stamped so.
     */
    private static void stampReplicasAfterTheirPods(World world) {
        KubernetesClient client = world.kubernetesClient();
        for (Pod pod : client.pods().inNamespace(BenchWorld.NAMESPACE).list().getItems()) {
            Instant started = Pods.startedAt(pod).orElseThrow();
            Instant stamped =
                    started.plusMillis(1_000 + ThreadLocalRandom.current().nextLong(4_000));
            String replica = pod.getMetadata().getLabels().get("app") + "-s3-credentials";
            client.secrets().inNamespace(BenchWorld.NAMESPACE).withName(replica).edit(secret -> {
                List<ManagedFieldsEntry> managed = new ArrayList<>();
                if (secret.getMetadata().getManagedFields() != null) {
                    managed.addAll(secret.getMetadata().getManagedFields());
                }
                // a write of the data (credrift ignores metadata-only managers when it dates a replica)
                FieldsV1 data = new FieldsV1();
                data.setAdditionalProperty("f:data", Map.of());
                managed.add(new ManagedFieldsEntryBuilder()
                        .withManager("slow-eso")
                        .withOperation("Update")
                        .withApiVersion("v1")
                        .withTime(stamped.truncatedTo(ChronoUnit.SECONDS).toString())
                        .withFieldsV1(data)
                        .build());
                secret.getMetadata().setManagedFields(managed);
                return secret;
            });
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
        return ScaleBenchmark.bindings(world).stream()
                .filter(b -> !ScaleBenchmark.judged(b))
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
