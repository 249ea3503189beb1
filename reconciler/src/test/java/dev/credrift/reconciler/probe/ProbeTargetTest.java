package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.reconciler.probe.tls.ProbeTls;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeTargetTest {

    @Test
    void shouldDropTrailingSlashWhenEndpointHasOne() {
        ProbeTarget target = ProbeTarget.of("https://rook-ceph-rgw-storage.storage.svc:443/", "loki-chunks");

        assertThat(target.endpoint()).isEqualTo(URI.create("https://rook-ceph-rgw-storage.storage.svc:443"));
        assertThat(target.isHttps()).isTrue();
        assertThat(target.region()).isEmpty();
        assertThat(target.addressing()).isEqualTo(AddressingStyle.AUTO);
    }

    @Test
    void shouldNameEndpointFieldWhenSchemeIsMissing() {
        assertThatThrownBy(() -> ProbeTarget.of("minio:9000", "tempo"))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessageStartingWith("store.endpoint: ")
                .extracting(e -> ((InvalidProbeSettings) e).field())
                .isEqualTo("store.endpoint");
    }

    @Test
    void shouldRefuseUserInfoWithoutEchoingItWhenEndpointCarriesOne() {
        assertThatThrownBy(() -> ProbeTarget.of("https://AKIAPLANTED:planted-secret@minio:9000", "tempo"))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessageNotContaining("planted-secret")
                .hasMessageNotContaining("AKIAPLANTED");
    }

    @Test
    void shouldRefusePathWhenEndpointHasOne() {
        assertThatThrownBy(() -> ProbeTarget.of("http://minio:9000/tempo", "tempo"))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessageContaining("scheme, host and port only");
    }

    @Test
    void shouldNameBucketFieldWhenBucketIsBlank() {
        assertThatThrownBy(() -> ProbeTarget.of("http://minio:9000", " "))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessage("store.bucket: must not be empty");
    }

    @Test
    void shouldFlagTlsUnverifiedOnlyWhenHttpsAndInsecureSkipVerify() {
        ProbeTls insecure = ProbeTls.fromPem(null, null, true);

        assertThat(ProbeTarget.of("https://minio:9000", "b", insecure).tlsUnverified())
                .isTrue();
        assertThat(ProbeTarget.of("http://minio:9000", "b", insecure).tlsUnverified())
                .isFalse();
        assertThat(ProbeTarget.of("https://minio:9000", "b").tlsUnverified()).isFalse();
    }

    @Test
    void shouldTreatBlankRegionAsNoneWhenGiven() {
        assertThat(ProbeTarget.of("http://minio:9000", "b").withRegion(" ").region())
                .isEqualTo(Optional.empty());
        assertThat(ProbeTarget.of("http://minio:9000", "b")
                        .withRegion("eu-west-1")
                        .region())
                .contains("eu-west-1");
    }
}
