package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.TlsFailure;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.TestPki;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Story 3: an S3 store over HTTPS with a certificate from a private CA held in a ConfigMap. */
class StoreProbeTlsIT {

    private static final String BUCKET = "tempo-traces";
    private static final TestPki STORAGE_CA = TestPki.newCa("storage-ca");
    private static final TestPki OTHER_CA = TestPki.newCa("someone-elses-ca");

    private static MinioStoreProbe probe;
    private S3StoreStandIn store;
    private Credential key;

    @BeforeAll
    static void startProbe() {
        probe = new MinioStoreProbe();
    }

    @AfterAll
    static void stopProbe() {
        probe.close();
    }

    @AfterEach
    void stopStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldAcceptWhenCertificateIsFromConfigMapCa() {
        startStore("localhost", "127.0.0.1");

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", caFromConfigMap(null)), key);

        assertThat(verdict).isEqualTo(new Accepted(false));
    }

    @Test
    void shouldAcceptWhenEndpointIsDnsNameOnCertificate() {
        startStore("localhost");

        assertThat(probe.probe(target("localhost", caFromConfigMap(null)), key)).isEqualTo(new Accepted(false));
    }

    @Test
    void shouldSayUnknownCaWhenNoCaIsConfigured() {
        startStore("127.0.0.1");

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", ProbeTls.systemTrust()), key);

        assertTlsFailure(verdict, TlsFailure.Reason.UNKNOWN_CA, "default trust store");
    }

    @Test
    void shouldSayUnknownCaWhenCertificateIsSignedByAnotherCa() {
        startStore("127.0.0.1");

        ProbeVerdict verdict =
                probe.probe(target("127.0.0.1", ProbeTls.fromPem(OTHER_CA.caCertificatePem(), null, false)), key);

        assertTlsFailure(verdict, TlsFailure.Reason.UNKNOWN_CA, "someone-elses-ca");
    }

    @Test
    void shouldSayExpiredWhenCertificateHasExpired() {
        startStore("127.0.0.1");
        store.replaceCertificate(STORAGE_CA.expiredServerCertificate("127.0.0.1"));

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", caFromConfigMap(null)), key);

        assertTlsFailure(verdict, TlsFailure.Reason.EXPIRED, "expired at");
    }

    @Test
    void shouldSayHostnameMismatchWhenCertificateNamesAnotherHost() {
        startStore("minio.storage.svc");

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", caFromConfigMap(null)), key);

        assertTlsFailure(verdict, TlsFailure.Reason.HOSTNAME_MISMATCH, "DNS:minio.storage.svc");
        assertThat(((TlsFailure) verdict).detail()).contains("not 127.0.0.1");
    }

    @Test
    void shouldAcceptMismatchingHostWhenServerNameMatchesCertificate() {
        startStore("minio.storage.svc");

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", caFromConfigMap("minio.storage.svc")), key);

        assertThat(verdict).isEqualTo(new Accepted(false));
    }

    @Test
    void shouldSayHostnameMismatchWhenServerNameIsNotOnCertificate() {
        startStore("localhost", "127.0.0.1");

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", caFromConfigMap("minio.storage.svc")), key);

        assertTlsFailure(verdict, TlsFailure.Reason.HOSTNAME_MISMATCH, "store.tls.serverName");
    }

    @Test
    void shouldAcceptButFlagLoudlyWhenInsecureSkipVerifyMeetsUntrustedCertificate() {
        startStore("minio.storage.svc");
        store.replaceCertificate(OTHER_CA.expiredServerCertificate("minio.storage.svc"));

        ProbeVerdict verdict = probe.probe(target("127.0.0.1", ProbeTls.fromPem(null, null, true)), key);

        assertThat(verdict).isEqualTo(new Accepted(true));
        assertThat(verdict.tlsUnverified()).isTrue();
        assertThat(verdict.toString()).contains(ProbeVerdict.TLS_UNVERIFIED_WARNING);
    }

    @Test
    void shouldKeepInsecureFlagOnRejectionsWhenInsecureSkipVerify() {
        startStore("127.0.0.1");

        ProbeVerdict verdict = probe.probe(
                target("127.0.0.1", ProbeTls.fromPem(null, null, true)), Credential.of("AKIANOSUCHKEY0000000", "x"));

        assertThat(verdict).isInstanceOf(ProbeVerdict.Rejected.class);
        assertThat(verdict.tlsUnverified()).isTrue();
    }

    @Test
    void shouldSayExpiredOnNextProbeWhenCertificateExpiresInTimeline() {
        startStore("127.0.0.1");
        ProbeTarget trusted = target("127.0.0.1", caFromConfigMap(null));
        assertThat(probe.probe(trusted, key).accepted()).isTrue();

        store.replaceCertificate(STORAGE_CA.expiredServerCertificate("127.0.0.1"));

        assertTlsFailure(probe.probe(trusted, key), TlsFailure.Reason.EXPIRED, "expired");
    }

    @Test
    void shouldSayTlsOtherWhenHttpsMeetsPlainHttp() {
        try (S3StoreStandIn plain = S3StoreStandIn.startHttp()) {
            ProbeVerdict verdict = probe.probe(
                    ProbeTarget.of("https://127.0.0.1:" + plain.port(), BUCKET, caFromConfigMap(null)),
                    Credential.of("AKIAANYKEY0000000000", "x"));

            assertThat(verdict)
                    .isInstanceOfSatisfying(
                            TlsFailure.class,
                            failure -> assertThat(failure.reason()).isEqualTo(TlsFailure.Reason.OTHER));
        }
    }

    @Test
    void shouldHintAtHttpsWhenPlainHttpMeetsTlsStore() {
        startStore("127.0.0.1");

        ProbeVerdict verdict = probe.probe(ProbeTarget.of("http://127.0.0.1:" + store.port(), BUCKET), key);

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ProbeVerdict.Unreachable.class,
                        unreachable -> assertThat(unreachable.detail()).contains("https://"));
    }

    private void startStore(String... names) {
        store = S3StoreStandIn.startHttps(STORAGE_CA.serverCertificate(names));
        store.createBucket(BUCKET);
        key = store.addUser("tempo");
    }

    private ProbeTarget target(String host, ProbeTls tls) {
        return ProbeTarget.of(store.endpoint(host).toString(), BUCKET, tls);
    }

    private static ProbeTls caFromConfigMap(String serverName) {
        return ProbeTls.fromConfigMap(
                "storage-ca", Map.of("ca.crt", STORAGE_CA.caCertificatePem()), null, serverName, false);
    }

    private static void assertTlsFailure(ProbeVerdict verdict, TlsFailure.Reason reason, String detailPart) {
        assertThat(verdict).isInstanceOfSatisfying(TlsFailure.class, failure -> {
            assertThat(failure.reason()).as(failure.detail()).isEqualTo(reason);
            assertThat(failure.detail()).contains(detailPart);
            assertThat(failure.tlsUnverified()).isFalse();
        });
    }
}
