package dev.credrift.reconciler.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.reconciler.probe.InvalidProbeSettings;
import dev.credrift.sandbox.tls.TestPki;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeTlsTest {

    private static final TestPki CA = TestPki.newCa("storage-ca");

    @Test
    void shouldReadCaCrtWhenConfigMapHasIt() {
        ProbeTls tls = ProbeTls.fromConfigMap("storage-ca", Map.of("ca.crt", CA.caCertificatePem()), null, "", false);

        assertThat(tls.trustedCas()).containsExactly(CA.caCertificate());
        assertThat(tls.serverName()).isEmpty();
        assertThat(tls.hasCustomCa()).isTrue();
    }

    @Test
    void shouldFallBackToServiceCaCrtWhenConfigMapIsWrittenByServiceCa() {
        ProbeTls tls = ProbeTls.fromConfigMap(
                "tempo-ca", Map.of("service-ca.crt", CA.caCertificatePem()), null, "minio.storage.svc", false);

        assertThat(tls.trustedCas()).containsExactly(CA.caCertificate());
        assertThat(tls.serverName()).contains("minio.storage.svc");
    }

    @Test
    void shouldNameConfigMapAndKeysWhenNoCaKeyIsPresent() {
        assertThatThrownBy(() -> ProbeTls.fromConfigMap("storage-ca", Map.of("other", "x"), null, null, false))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessageContaining("ConfigMap storage-ca")
                .hasMessageContaining("ca.crt")
                .hasMessageContaining("service-ca.crt");
    }

    @Test
    void shouldNameExplicitKeyWhenItIsMissing() {
        assertThatThrownBy(() -> ProbeTls.fromConfigMap(
                        "storage-ca", Map.of("ca.crt", CA.caCertificatePem()), "bundle.pem", null, false))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessage("ConfigMap storage-ca key bundle.pem: is missing or empty");
    }

    @Test
    void shouldRefuseNonPemWithoutQuotingItWhenBundleIsGarbage() {
        String garbage = "-----BEGIN CERTIFICATE-----\nnot-base64-planted-secret\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> ProbeTls.fromPem(garbage, null, false))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessageNotContaining("planted-secret");
    }

    @Test
    void shouldUseSystemTrustWhenNoCaIsGiven() {
        assertThat(ProbeTls.fromPem(" ", null, false).hasCustomCa()).isFalse();
        assertThat(ProbeTls.systemTrust()).isEqualTo(ProbeTls.fromPem(null, "", false));
    }

    @Test
    void shouldSayInsecureLoudlyInToStringWhenSkippingVerification() {
        assertThat(ProbeTls.fromPem(null, null, true).toString()).contains("INSECURE-SKIP-VERIFY");
        assertThat(ProbeTls.fromPem(CA.caCertificatePem(), null, false).toString())
                .contains("storage-ca")
                .doesNotContain("INSECURE");
    }
}
