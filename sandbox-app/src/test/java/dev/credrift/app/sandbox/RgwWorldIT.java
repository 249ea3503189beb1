package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.rgw.CephBinariesRequired;
import dev.credrift.sandbox.world.ExpectedState;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import dev.credrift.sandbox.world.WorldReport;
import dev.credrift.sandbox.world.WorldRunner;
import dev.credrift.sandbox.world.file.WorldFileReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A world whose store is a real Ceph RGW over HTTPS ({@code store.backend: rgw} with {@code tls}), without credrift:
 * the world's private CA is the one radosgw presents, and the timeline's store actions are RGW's own —
 * {@code rotateStoreUser} (radosgw-admin key create + key rm), {@code suspendStoreUser} — judged by real S3 requests.
 */
@ExtendWith(CephBinariesRequired.class)
class RgwWorldIT {

    private static final String BUCKET = "loki-chunks";
    private static final String WORLD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: rgw-tls
            store:
              backend: rgw
              buckets: [loki-chunks]
              users: [{name: loki}, {name: tempo}]
              tls: {publishCa: [{namespace: monitoring, name: storage-ca}]}
            objects:
              - apiVersion: v1
                kind: Namespace
                metadata: {name: monitoring}
            timeline:
              - {at: 0s, rotateStoreUser: {user: loki}}
              - {at: 0s, suspendStoreUser: {user: tempo}}
            """;

    private static World world;

    @BeforeAll
    static void start() {
        world = World.start(WorldFileReader.parse("rgw-tls.yaml", WORLD), WorldOptions.worldOnly());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void shouldServeHttpsWithTheWorldsCaWhenTheRgwStoreHasTls() {
        Credential loki = world.objectStore().users().keys("loki").get(0);

        assertThat(world.storeEndpoint().getScheme()).isEqualTo("https");
        assertThat(probe(loki, trustingTheWorld())).isEqualTo(new ProbeResult.Accepted());
        assertThat(probe(loki, StoreTrust.jvmDefault())).isInstanceOf(ProbeResult.TlsFailure.class);
        assertThat(world.kubernetesClient()
                        .configMaps()
                        .inNamespace("monitoring")
                        .withName("storage-ca")
                        .get()
                        .getData())
                .containsEntry("ca.crt", world.ca().orElseThrow().caCertificatePem());
    }

    @Test
    void shouldAnswerAsRgwWhenTheTimelineRotatesAndSuspendsUsers() {
        Credential lokiBefore = world.objectStore().users().keys("loki").get(0);
        Credential tempo = world.objectStore().users().keys("tempo").get(0);

        WorldReport report = new WorldRunner().run(world, ExpectedState.of(List.of()), WorldRunner.Listener.NONE);

        assertThat(report.actions())
                .hasSize(2)
                .allSatisfy(action -> assertThat(action.applied()).isTrue());
        List<Credential> lokiAfter = world.objectStore().users().keys("loki");
        assertThat(lokiAfter).singleElement().isNotEqualTo(lokiBefore);
        assertThat(probe(lokiBefore, trustingTheWorld()))
                .isEqualTo(new ProbeResult.Rejected("InvalidAccessKeyId", 403));
        assertThat(probe(lokiAfter.get(0), trustingTheWorld())).isEqualTo(new ProbeResult.Accepted());
        assertThat(probe(tempo, trustingTheWorld())).isEqualTo(new ProbeResult.Rejected("UserSuspended", 403));
        world.objectStore().resume("tempo");
        // the bucket is loki's, its creator's: RGW refuses another user, as the README says
        assertThat(probe(tempo, trustingTheWorld())).isEqualTo(new ProbeResult.Rejected("AccessDenied", 403));
    }

    private static StoreTrust trustingTheWorld() {
        return StoreTrust.of(world.ca().orElseThrow().caCertificate(), null);
    }

    private static ProbeResult probe(Credential key, StoreTrust trust) {
        return new S3ListProbe(world.storeEndpoint(), trust, Clock.systemUTC(), Duration.ofSeconds(10))
                .probe(key, BUCKET);
    }
}
