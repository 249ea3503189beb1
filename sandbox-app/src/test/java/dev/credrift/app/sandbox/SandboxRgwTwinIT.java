package dev.credrift.app.sandbox;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.rgw.CephBinariesRequired;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldReport;
import dev.credrift.sandbox.world.spec.StoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story 1's twin on a real Ceph RGW ({@code story-1-loki-rook-1password-rgw}) heals through {@code credrift sandbox}
 * with the real watcher, reconciler and notifier: {@code radosgw-admin key create} + {@code key rm} of loki's old
 * key, and RGW itself — asked with real S3 requests — accepts the old key before the story, refuses it with
 * {@code InvalidAccessKeyId} after, and accepts the key every hop holds at the end. No credential appears in any
 * output channel. Skipped without the Ceph binaries (saying how to install them), failed when {@code CI=true}.
 */
@ExtendWith(CephBinariesRequired.class)
class SandboxRgwTwinIT {

    private static final String TWIN = "story-1-loki-rook-1password-rgw";
    private static final String BUCKET = "loki-chunks";

    @TempDir
    Path out;

    private final WorldSecrets secrets = new WorldSecrets();
    private final Map<String, Object> seen = new LinkedHashMap<>();

    @Test
    void shouldHealOnRealRgwWhenRadosgwAdminReplacesLokisKey() throws IOException {
        SandboxRun run = SandboxRun.execute(
                new WorldObserver() {
                    @Override
                    public void worldStarted(World world) {
                        secrets.collect(world);
                        List<Credential> keys = world.objectStore().users().keys("loki");
                        seen.put("backend", world.objectStore().backend());
                        seen.put("keys at start", keys.size());
                        seen.put("old key", keys.get(0));
                        seen.put("old key at start", probe(world, keys.get(0)));
                    }

                    @Override
                    public void worldFinished(World world, WorldReport report) {
                        secrets.collect(world);
                        seen.put("report", report);
                        List<Credential> keys = world.objectStore().users().keys("loki");
                        seen.put("keys at end", keys);
                        seen.put("old key at end", probe(world, (Credential) seen.get("old key")));
                        seen.put("new key at end", probe(world, keys.get(0)));
                    }
                },
                Map.of(),
                "--story",
                TWIN,
                "--out",
                out.toString(),
                "--verbose");
        secrets.add(Files.readString(out.resolve("audit.key")));

        SoftAssertions softly = new SoftAssertions();
        Map<String, String> outputs = WorldSecrets.outputs(run, out);
        secrets.assertNoneIn(softly, outputs);

        softly.assertThat(run.exitCode()).as(run.usage()).isZero();
        softly.assertThat(run.printed()).contains("✓ PASSED " + TWIN);
        softly.assertThat(seen.get("backend")).isEqualTo(StoreBackend.RGW);
        softly.assertThat(seen.get("keys at start")).isEqualTo(1);
        softly.assertThat(seen.get("old key at start"))
                .as("RGW before the story")
                .isEqualTo(new ProbeResult.Accepted());
        softly.assertThat(seen.get("old key at end"))
                .as("RGW after radosgw-admin key rm")
                .isEqualTo(new ProbeResult.Rejected("InvalidAccessKeyId", 403));
        softly.assertThat(seen.get("new key at end")).as("RGW at the end").isEqualTo(new ProbeResult.Accepted());
        softly.assertThat((List<?>) seen.get("keys at end")).singleElement().isNotEqualTo(seen.get("old key"));
        softly.assertThat(((WorldReport) seen.get("report")).passed()).isTrue();
        softly.assertThat(outputs.get("outcomes.jsonl")).contains("VAULT_STALE");
        softly.assertAll();
    }

    /** One real S3 request (ListObjectsV2 of loki's bucket) to the world's RGW. */
    private static ProbeResult probe(World world, Credential key) {
        return new S3ListProbe(
                        world.storeEndpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(10))
                .probe(key, BUCKET);
    }
}
