package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.probe.ProbeVerdict.TlsFailure;
import dev.credrift.reconciler.probe.ProbeVerdict.Unreachable;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.reconciler.probe.tls.ServerCertificateRejected;
import dev.credrift.sandbox.tls.TestPki;
import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class VerdictClassifierTest {

    private static final Credential PLANTED = Credential.of("AKIAPLANTEDKEY000001", "planted-secret-value");
    private static final TestPki CA = TestPki.newCa("storage-ca");
    private static final ProbeTarget TARGET =
            ProbeTarget.of("https://minio:9000", "tempo", ProbeTls.fromPem(CA.caCertificatePem(), null, false));

    private final VerdictClassifier classifier =
            new VerdictClassifier(TARGET, ProbeTimeouts.DEFAULT, new SecretScrubber(PLANTED));

    @Test
    void shouldSayExpiredWhenValidatorReasonIsExpired() {
        CertPathValidatorException expired = new CertPathValidatorException(
                "validity check failed",
                new CertificateExpiredException("NotAfter: ..."),
                null,
                -1,
                CertPathValidatorException.BasicReason.EXPIRED);

        ProbeVerdict verdict = classifier.classify(handshake(chainRefused(expired)));

        assertThat(verdict).isInstanceOfSatisfying(TlsFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(TlsFailure.Reason.EXPIRED);
            assertThat(failure.detail()).contains("https://minio:9000").contains("expired at");
        });
    }

    @Test
    void shouldSayUnknownCaNamingTheBundleWhenNoPathIsFound() {
        ProbeVerdict verdict = classifier.classify(handshake(chainRefused(
                new CertPathBuilderException("unable to find valid certification path to requested target"))));

        assertThat(verdict).isInstanceOfSatisfying(TlsFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(TlsFailure.Reason.UNKNOWN_CA);
            assertThat(failure.detail()).contains("storage-ca");
        });
    }

    @Test
    void shouldSayHostnameMismatchWhenNameStageRefused() {
        ServerCertificateRejected refused = new ServerCertificateRejected(
                ServerCertificateRejected.Stage.NAME,
                "minio",
                CA.serverCertificate("other.example").certificate(),
                new CertificateException("no name"));

        ProbeVerdict verdict = classifier.classify(handshake(refused));

        assertThat(verdict).isInstanceOfSatisfying(TlsFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(TlsFailure.Reason.HOSTNAME_MISMATCH);
            assertThat(failure.detail()).contains("DNS:other.example").contains("not minio");
        });
    }

    @Test
    void shouldSayUnreachableWhenConnectionIsRefused() {
        ProbeVerdict verdict = classifier.classify(
                new IOException("wrapped", new ConnectException("Failed to connect to minio/10.0.0.1:9000")));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Unreachable.class,
                        unreachable ->
                                assertThat(unreachable.detail()).contains("cannot connect to https://minio:9000"));
    }

    @Test
    void shouldScrubSecretAndAccessKeyWhenForeignMessageCarriesThem() {
        ProbeVerdict verdict = classifier.classify(new IOException(
                "boom " + PLANTED.accessKeyId() + " " + PLANTED.secret().reveal()));

        assertThat(verdict.toString())
                .doesNotContain(PLANTED.secret().reveal())
                .doesNotContain(PLANTED.accessKeyId())
                .contains(PLANTED.maskedAccessKeyId().value());
    }

    @Test
    void shouldNotLoopWhenCauseChainIsCyclic() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);

        assertThat(classifier.classify(first)).isInstanceOf(Unreachable.class);
    }

    private static ServerCertificateRejected chainRefused(Exception jdkReason) {
        CertificateException jdk = new CertificateException("PKIX path failed", jdkReason);
        return new ServerCertificateRejected(
                ServerCertificateRejected.Stage.CHAIN,
                "minio",
                CA.serverCertificate("minio").certificate(),
                jdk);
    }

    private static SSLHandshakeException handshake(Throwable cause) {
        SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
        handshake.initCause(cause);
        return handshake;
    }
}
