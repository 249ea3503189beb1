package dev.credrift.sandbox.world.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.StoreBackend;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code store.backend}: the S3 stand-in by default, a real Ceph RGW with {@code rgw}, and what RGW refuses. */
class StoreSectionTest {

    private static final String RGW_WORLD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: rgw-world
            store:
              backend: rgw
              buckets: [loki-chunks]
              users:
                - name: loki
            """;

    @Test
    void shouldUseTheStandInWhenNoBackendIsGiven() {
        assertThat(parse(WorldFileReaderTest.HEAD).store().backend()).isEqualTo(StoreBackend.STAND_IN);
        assertThat(parse(WorldFileReaderTest.HEAD.replace("store:\n", "store:\n  backend: standIn\n"))
                        .store()
                        .backend())
                .isEqualTo(StoreBackend.STAND_IN);
    }

    @Test
    void shouldReadARealRgwStoreWithItsRotationsWhenBackendIsRgw() {
        WorldSpec spec = parse(RGW_WORLD + """
                timeline:
                  - {at: 1s, rotateStoreUser: {user: loki}}
                  - {at: 2s, suspendStoreUser: {user: loki}}
                  - {at: 3s, resumeStoreUser: {user: loki}}
                  - {at: 4s, rotateRookUser: {namespace: storage, store: storage, user: loki}}
                """);

        assertThat(spec.store().backend()).isEqualTo(StoreBackend.RGW);
        assertThat(spec.store().buckets()).containsExactly("loki-chunks");
        assertThat(spec.store().users()).extracting(u -> u.name()).containsExactly("loki");
        assertThat(spec.timeline())
                .extracting(step -> step.action())
                .containsExactly(
                        new Action.RotateStoreUser("loki"), new Action.SuspendStoreUser("loki"),
                        new Action.ResumeStoreUser("loki"), new Action.RotateRookUser("storage", "storage", "loki"));
    }

    @Test
    void shouldReadStoryOnesTwinAsStoryOneOnRealRgwWhenLoaded() {
        WorldSpec story = BuiltInWorlds.load("story-1-loki-rook-1password");
        WorldSpec twin = BuiltInWorlds.load("story-1-loki-rook-1password-rgw");

        assertThat(twin.store().backend()).isEqualTo(StoreBackend.RGW);
        assertThat(story.store().backend()).isEqualTo(StoreBackend.STAND_IN);
        assertThat(twin.store().buckets()).isEqualTo(story.store().buckets());
        assertThat(twin.objects())
                .extracting(o -> o.manifest())
                .isEqualTo(story.objects().stream().map(o -> o.manifest()).toList());
        assertThat(twin.timeline())
                .extracting(step -> step.action())
                .isEqualTo(story.timeline().stream().map(step -> step.action()).toList());
        assertThat(twin.expectations())
                .extracting(e -> e.expectation())
                .isEqualTo(
                        story.expectations().stream().map(e -> e.expectation()).toList());
    }

    @Test
    void shouldNameTheFieldAndTheChoicesWhenTheBackendIsUnknown() {
        assertThatThrownBy(() -> parse(RGW_WORLD.replace("backend: rgw", "backend: ceph")))
                .isInstanceOf(WorldFileException.class)
                .hasMessage("w.yaml:5:12: store.backend: must be standIn (the S3 stand-in, the default) or rgw (a real"
                        + " Ceph RGW)");
    }

    @Test
    void shouldReadTlsOnRgwWhenTheCertificateNamesWhereRadosgwListens() {
        WorldSpec spec = parse(RGW_WORLD + "  tls: {certificate: untrusted}\n");

        assertThat(spec.store().tls()).hasValueSatisfying(tls -> {
            assertThat(tls.names()).contains("127.0.0.1");
            assertThat(tls.certificate()).isEqualTo(TlsSpec.CertificateState.UNTRUSTED);
        });
    }

    @Test
    void shouldNameTheFieldWhenRgwTlsCannotBeCheckedAtStart() {
        assertThatThrownBy(() -> parse(RGW_WORLD + "  tls: {names: [minio.minio.svc]}\n"))
                .hasMessageStartingWith(
                        "w.yaml:9:16: store.tls.names: must include 127.0.0.1 with store.backend:" + " rgw");
        assertThatThrownBy(() -> parse(RGW_WORLD + "  tls: {certificate: expired}\n"))
                .hasMessageStartingWith(
                        "w.yaml:9:22: store.tls.certificate: expired works only with the S3" + " stand-in");
    }

    @Test
    void shouldRefuseTheMinioAdminApiOnRgwWhenGiven() {
        assertThatThrownBy(() -> parse(RGW_WORLD + "  minio: {rootUser: minio-root}\n"))
                .hasMessage("w.yaml:9:10: store.minio: the MinIO admin API fronts the store only with the S3 stand-in;"
                        + " remove store.backend: rgw, or this field");
    }

    @Test
    void shouldRefuseStsOnRgwWhenGiven() {
        assertThatThrownBy(() -> parse(RGW_WORLD + "sts: {issuer: https://oidc.example/id/1}\n"))
                .hasMessage("w.yaml:9:6: sts: the STS stand-ins hand out temporary keys that only the S3 stand-in"
                        + " accepts; remove store.backend: rgw, or this field");
    }

    @Test
    void shouldNameTheActionWhenATimelineStepNeedsTheStandInsCertificates() {
        assertThatThrownBy(() -> parse(RGW_WORLD + """
                timeline:
                  - at: 2s
                    expireCertificate: {}
                """.replace("timeline:", "  tls: {}\ntimeline:")))
                .hasMessageStartingWith("w.yaml:12:24: timeline[0].expireCertificate: a real Ceph RGW store")
                .hasMessageEndingWith("this action works only with the S3 stand-in");
    }

    @Test
    void shouldNameTheUserWhenItIsNoRgwUserId() {
        assertThatThrownBy(() -> parse(RGW_WORLD.replace("name: loki", "name: \"loki s3\"")))
                .hasMessageStartingWith("w.yaml:8:13: store.users[0].name: must be an RGW user id");
    }

    @Test
    void shouldReadAUsersAdminCapsWhenTheStoreIsARealRgw() {
        WorldSpec spec = parse(RGW_WORLD + "    - {name: rgw-admin, caps: 'users=*'}\n");

        assertThat(spec.store().users())
                .extracting(u -> u.caps())
                .containsExactly(Optional.empty(), Optional.of("users=*"));
    }

    @Test
    void shouldRefuseAdminCapsWhenTheStoreIsTheStandIn() {
        assertThatThrownBy(() ->
                        parse(RGW_WORLD.replace("  backend: rgw\n", "") + "    - {name: rgw-admin, caps: 'users=*'}\n"))
                .isInstanceOf(WorldFileException.class)
                .hasMessageStartingWith("w.yaml:8:31: store.users[1].caps: RGW admin caps need a real RGW")
                .hasMessageEndingWith("the S3 stand-in has no Admin Ops API");
    }

    @Test
    void shouldNameTheFieldWhenCapsAreNoRgwCaps() {
        assertThatThrownBy(() -> parse(RGW_WORLD + "    - {name: rgw-admin, caps: 'everything'}\n"))
                .isInstanceOf(WorldFileException.class)
                .hasMessageContaining("store.users[1].caps: must be RGW caps like users=*");
    }

    @Test
    void shouldAskForAnOwnerWhenRgwBucketsHaveNoUser() {
        assertThatThrownBy(() -> parse("""
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: rgw-world
                store: {backend: rgw, buckets: [loki-chunks]}
                """))
                .hasMessage("w.yaml:4:32: store.buckets: a real RGW bucket belongs to a user: declare store.users (the"
                        + " first one creates the buckets)");
    }

    private static WorldSpec parse(String yaml) {
        return WorldFileReader.parse("w.yaml", yaml);
    }
}
