package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;

/**
 * A rotation story on a real Ceph RGW run through {@code credrift sandbox} (real watcher, reconciler and notifier),
 * with RGW sampled each second by real S3 requests (ListObjectsV2 of the user's bucket): how many keys the user holds,
 * the old key's answer, and how many consumer pods the store refused (RGW counts no refusals: the workload emulator's
 * last answer per pod stands in). {@link #assertRotated} holds what every such story must show: the old key answered
 * 200 during the overlap and 403 {@code InvalidAccessKeyId} at the end, the new key 200, no consumer refused, and no
 * credential in any output channel ({@link WorldSecrets}).
 */
final class RgwRotationStory {

    /** One sample of RGW and the consumers while the story runs. */
    record Sample(int keys, ProbeResult old, int podsRefused) {}

    /** What a run saw; {@code atEnd} holds what the caller's own look at the finished world returned. */
    record Seen(
            SandboxRun run,
            Map<String, String> outputs,
            WorldReport report,
            Credential oldKey,
            ProbeResult oldAtStart,
            List<Sample> samples,
            int dropped,
            List<Credential> keysAtEnd,
            ProbeResult oldAtEnd,
            ProbeResult newAtEnd,
            Map<String, Object> atEnd) {}

    private final String story;
    private final String user;
    private final String bucket;
    private final String consumerNamespace;
    private final WorldSecrets secrets = new WorldSecrets();

    RgwRotationStory(String story, String user, String bucket, String consumerNamespace) {
        this.story = story;
        this.user = user;
        this.bucket = bucket;
        this.consumerNamespace = consumerNamespace;
    }

    /**
     * Runs the story into {@code out}.
     *
     * @param atEnd the caller's look at the finished world (before it stops), e.g. which Secrets remain
     */
    Seen run(Path out, Function<World, Map<String, Object>> atEnd) throws IOException {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        AtomicInteger dropped = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?>[] sampling = new ScheduledFuture<?>[1];
        SandboxRun run;
        try {
            run = SandboxRun.execute(
                    new WorldObserver() {
                        @Override
                        public void worldStarted(World world) {
                            secrets.collect(world);
                            Credential old =
                                    world.objectStore().users().keys(user).get(0);
                            seen.put("old key", old);
                            seen.put("old key at start", probe(world, old));
                            sampling[0] = sampler.scheduleWithFixedDelay(
                                    () -> sample(world, old, samples, dropped), 0, 1, TimeUnit.SECONDS);
                        }

                        @Override
                        public void worldFinished(World world, WorldReport report) {
                            sampler.shutdownNow();
                            secrets.collect(world);
                            seen.put("report", report);
                            List<Credential> keys = world.objectStore().users().keys(user);
                            seen.put("keys at end", keys);
                            seen.put("old key at end", probe(world, (Credential) seen.get("old key")));
                            seen.put("new key at end", probe(world, keys.get(0)));
                            seen.put("at end", atEnd.apply(world));
                        }
                    },
                    Map.of(),
                    "--story",
                    story,
                    "--out",
                    out.toString(),
                    "--verbose");
        } finally {
            if (sampling[0] != null) {
                sampling[0].cancel(true);
            }
            sampler.shutdownNow();
        }
        secrets.add(Files.readString(out.resolve("audit.key")));
        @SuppressWarnings("unchecked")
        List<Credential> keysAtEnd = (List<Credential>) seen.getOrDefault("keys at end", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> callers = (Map<String, Object>) seen.getOrDefault("at end", Map.of());
        return new Seen(
                run,
                WorldSecrets.outputs(run, out),
                (WorldReport) seen.get("report"),
                (Credential) seen.get("old key"),
                (ProbeResult) seen.get("old key at start"),
                List.copyOf(samples),
                dropped.get(),
                keysAtEnd,
                (ProbeResult) seen.get("old key at end"),
                (ProbeResult) seen.get("new key at end"),
                callers);
    }

    /** What every rotation story on real RGW must show (see the class comment). */
    void assertRotated(SoftAssertions softly, Seen seen) {
        secrets.assertNoneIn(softly, seen.outputs());
        softly.assertThat(seen.run().exitCode()).as(seen.run().usage()).isZero();
        softly.assertThat(seen.run().printed()).contains("✓ PASSED " + story);
        softly.assertThat(seen.report()).as("the world's report").isNotNull();
        if (seen.report() != null) {
            softly.assertThat(seen.report().passed()).isTrue();
        }
        softly.assertThat(seen.oldAtStart()).as("RGW before the story").isEqualTo(new ProbeResult.Accepted());
        softly.assertThat(seen.samples())
                .as("RGW sampled during the story: the old key still answers while RGW holds both keys")
                .anySatisfy(s -> {
                    assertThat(s.keys()).isEqualTo(2);
                    assertThat(s.old()).isEqualTo(new ProbeResult.Accepted());
                });
        softly.assertThat(seen.dropped())
                .as("samples dropped while the world shut down")
                .isLessThanOrEqualTo(1);
        softly.assertThat(seen.samples())
                .as("no consumer pod refused by RGW at any sample")
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.podsRefused()).isZero());
        softly.assertThat(seen.oldAtEnd())
                .as("RGW after the revoke")
                .isEqualTo(new ProbeResult.Rejected("InvalidAccessKeyId", 403));
        softly.assertThat(seen.newAtEnd()).as("RGW at the end").isEqualTo(new ProbeResult.Accepted());
        softly.assertThat(seen.keysAtEnd()).singleElement().isNotEqualTo(seen.oldKey());
        softly.assertThat(seen.outputs().get("outcomes.jsonl")).contains("PROVE_OLD_REFUSED");
    }

    private void sample(World world, Credential old, List<Sample> samples, AtomicInteger dropped) {
        try {
            int keys = world.objectStore().users().keys(user).size();
            long refused = world.workloads().pods().stream()
                    .filter(p -> p.namespace().equals(consumerNamespace))
                    .filter(PodHealth::authRejected)
                    .count();
            samples.add(new Sample(keys, probe(world, old), (int) refused));
        } catch (RuntimeException e) {
            // the world is shutting down under the sampler: that sample is dropped (the world's end is checked apart)
            dropped.incrementAndGet();
        }
    }

    /** One real S3 request (ListObjectsV2 of the bucket) to the world's RGW. */
    ProbeResult probe(World world, Credential key) {
        return new S3ListProbe(
                        world.storeEndpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(10))
                .probe(key, bucket);
    }
}
