package dev.credrift.sandbox.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPkiTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final TestPki ca = TestPki.newCa("storage-ca", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldExportCaAsPemThatParsesBackToSameCertificate() throws Exception {
        X509Certificate parsed = parse(ca.caCertificatePem()).get(0);

        assertThat(parsed).isEqualTo(ca.caCertificate());
        assertThat(parsed.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void shouldIssueServerCertificateForDnsNamesAndIpsWhenAsked() throws Exception {
        ServerCertificate server = ca.serverCertificate("minio.storage.svc", "*.storage.svc", "127.0.0.1");

        server.certificate().verify(ca.caCertificate().getPublicKey());
        assertThat(server.certificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(2, "minio.storage.svc"), List.of(2, "*.storage.svc"), List.of(7, "127.0.0.1"));
        assertThat(server.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(server.certificate().getBasicConstraints()).isEqualTo(-1);
        server.certificate().checkValidity(Date.from(NOW));
    }

    @Test
    void shouldEndValidityBeforeNowWhenCertificateIsExpired() {
        ServerCertificate expired = ca.expiredServerCertificate("minio");

        assertThat(expired.notAfter()).isBefore(NOW);
        assertThat(expired.isExpiredAt(NOW)).isTrue();
        assertThat(ca.serverCertificate("minio").isExpiredAt(NOW)).isFalse();
    }

    @Test
    void shouldNotVerifyAgainstCaWhenSignedByAnotherCa() {
        ServerCertificate foreign = TestPki.newCa("other-ca").serverCertificate("minio");

        assertThatThrownBy(() -> foreign.certificate().verify(ca.caCertificate().getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void shouldHoldKeyAndCertificateInKeyStoreWhenExported() throws Exception {
        ServerCertificate server = ca.serverCertificate("minio");
        char[] password = "pw".toCharArray();

        KeyStore keyStore = server.keyStore(password);

        assertThat(keyStore.getCertificate(ServerCertificate.KEY_ALIAS)).isEqualTo(server.certificate());
        assertThat(keyStore.getKey(ServerCertificate.KEY_ALIAS, password)).isNotNull();
        assertThat(server.combinedPem()).contains("BEGIN CERTIFICATE").contains("BEGIN PRIVATE KEY");
    }

    @Test
    void shouldKeepPrivateKeyOutOfToString() {
        ServerCertificate server = ca.serverCertificate("minio");

        assertThat(server.toString())
                .contains("minio")
                .doesNotContain("PRIVATE")
                .doesNotContain(
                        server.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
        assertThat(ca.toString()).contains("storage-ca");
    }

    @Test
    void shouldRefuseNameThatIsNeitherDnsNorIp() {
        assertThatThrownBy(() -> ca.serverCertificate("not a host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a host");
        assertThatThrownBy(() -> ca.serverCertificate()).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<X509Certificate> parse(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                .stream()
                .map(X509Certificate.class::cast)
                .toList();
    }
}
