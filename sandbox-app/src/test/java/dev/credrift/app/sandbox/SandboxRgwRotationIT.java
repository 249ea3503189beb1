package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.rgw.CephBinariesRequired;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story 6's twin on a real Ceph RGW ({@code story-6-scheduled-rotation-rgw}, issue 17) through {@code credrift
 * sandbox} with the real watcher, reconciler and notifier: a Rook {@code spec.keys} user is rotated by credrift. While
 * the story runs, RGW is sampled with real S3 requests: the old key answers 200 while RGW holds both keys (the
 * overlap), 403 {@code InvalidAccessKeyId} at the end, the new key 200; no emulated Loki pod ever got a refusal (RGW
 * counts none: the workload emulator's last answer per pod stands in); no credential in any output channel.
 * Skipped without the Ceph binaries, failed when {@code CI=true}.
 */
@ExtendWith(CephBinariesRequired.class)
class SandboxRgwRotationIT {

    private static final String STORY = "story-6-scheduled-rotation-rgw";
    private static final String BUCKET = "loki-chunks";
    private static final String USER = "loki";

    @TempDir
    Path out;

    private final WorldSecrets secrets = new WorldSecrets();
    private final Map<String, Object> seen = new LinkedHashMap<>();
    /** One sample of RGW and the consumers while the story runs. */
    private record Sample(int keys, ProbeResult old, int podsRefused) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private ScheduledFuture<?> sampling;
    private final AtomicInteger dropped = new AtomicInteger();

    @Test
    void shouldRotateARookSpecKeysUserOnRealRgwWithoutARefusedConsumerWhenARotationIsAskedFor() throws IOException {
        SandboxRun run;
        try {
            run = SandboxRun.execute(
                    new WorldObserver() {
                        @Override
                        public void worldStarted(World world) {
                            secrets.collect(world);
                            Credential old =
                                    world.objectStore().users().keys(USER).get(0);
                            seen.put("old key", old);
                            seen.put("old key at start", probe(world, old));
                            sampling = sampler.scheduleWithFixedDelay(() -> sample(world, old), 0, 1, TimeUnit.SECONDS);
                        }

                        @Override
                        public void worldFinished(World world, WorldReport report) {
                            sampler.shutdownNow();
                            secrets.collect(world);
                            seen.put("report", report);
                            List<Credential> keys = world.objectStore().users().keys(USER);
                            seen.put("keys at end", keys);
                            seen.put("old key at end", probe(world, (Credential) seen.get("old key")));
                            seen.put("new key at end", probe(world, keys.get(0)));
                            seen.put(
                                    "operator's key Secret at end",
                                    world.kubernetesClient()
                                                    .secrets()
                                                    .inNamespace("storage")
                                                    .withName("loki-initial-key")
                                                    .get()
                                            != null);
                        }
                    },
                    Map.of(),
                    "--story",
                    STORY,
                    "--out",
                    out.toString(),
                    "--verbose");
        } finally {
            if (sampling != null) {
                sampling.cancel(true);
            }
            sampler.shutdownNow();
        }
        secrets.add(Files.readString(out.resolve("audit.key")));

        SoftAssertions softly = new SoftAssertions();
        Map<String, String> outputs = WorldSecrets.outputs(run, out);
        secrets.assertNoneIn(softly, outputs);

        softly.assertThat(run.exitCode()).as(run.usage()).isZero();
        softly.assertThat(run.printed()).contains("✓ PASSED " + STORY);
        softly.assertThat(((WorldReport) seen.get("report")).passed()).isTrue();
        softly.assertThat(seen.get("old key at start"))
                .as("RGW before the story")
                .isEqualTo(new ProbeResult.Accepted());
        softly.assertThat(samples)
                .as("RGW sampled during the story: the old key still answers while RGW holds both keys")
                .anySatisfy(s -> {
                    assertThat(s.keys()).isEqualTo(2);
                    assertThat(s.old()).isEqualTo(new ProbeResult.Accepted());
                });
        softly.assertThat(dropped.get())
                .as("samples dropped while the world shut down")
                .isLessThanOrEqualTo(1);
        softly.assertThat(samples)
                .as("no Loki pod refused by RGW at any sample")
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.podsRefused()).isZero());
        softly.assertThat(seen.get("old key at end"))
                .as("RGW after the revoke")
                .isEqualTo(new ProbeResult.Rejected("InvalidAccessKeyId", 403));
        softly.assertThat(seen.get("new key at end")).as("RGW at the end").isEqualTo(new ProbeResult.Accepted());
        softly.assertThat((List<?>) seen.get("keys at end")).singleElement().isNotEqualTo(seen.get("old key"));
        softly.assertThat(seen.get("operator's key Secret at end"))
                .as("credrift never deletes a Secret it did not create")
                .isEqualTo(true);
        softly.assertThat(outputs.get("outcomes.jsonl")).contains("PROVE_OLD_REFUSED");
        softly.assertAll();
    }

    private void sample(World world, Credential old) {
        try {
            int keys = world.objectStore().users().keys(USER).size();
            long refused = world.workloads().pods().stream()
                    .filter(p -> p.namespace().equals("monitoring"))
                    .filter(PodHealth::authRejected)
                    .count();
            samples.add(new Sample(keys, probe(world, old), (int) refused));
        } catch (RuntimeException e) {
            // the world is shutting down under the sampler: that sample is dropped (the world's end is checked apart)
            dropped.incrementAndGet();
        }
    }

    /** One real S3 request (ListObjectsV2 of loki's bucket) to the world's RGW. */
    private static ProbeResult probe(World world, Credential key) {
        return new S3ListProbe(
                        world.storeEndpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(10))
                .probe(key, BUCKET);
    }
}
