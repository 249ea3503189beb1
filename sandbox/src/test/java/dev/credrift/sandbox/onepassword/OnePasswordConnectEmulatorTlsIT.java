package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.tls.TestPki;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnePasswordConnectEmulatorTlsIT {

    private static TestPki ca;
    private static OnePasswordConnectEmulator emulator;

    @BeforeAll
    static void startHttpsEmulator() {
        ca = TestPki.newCa("credrift test CA");
        emulator = OnePasswordConnectEmulator.builder()
                .https(ca.serverCertificate("127.0.0.1", "localhost"))
                .start();
        emulator.createVault("Infrastructure");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void shouldServeHttpsWhenClientTrustsThePrivateCa() throws Exception {
        RawConnect http = new RawConnect(
                client(trusting(ca)), emulator.baseUri(), emulator.token().reveal());

        assertThat(emulator.baseUri().getScheme()).isEqualTo("https");
        assertThat(http.get("/v1/vaults").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldFailHandshakeWhenClientTrustsAnotherCa() throws Exception {
        RawConnect http = new RawConnect(
                client(trusting(TestPki.newCa("someone else"))),
                emulator.baseUri(),
                emulator.token().reveal());

        assertThatThrownBy(() -> http.get("/v1/vaults")).hasCauseInstanceOf(SSLHandshakeException.class);
    }

    private static HttpClient client(SSLContext ssl) {
        // the JDK client's connect timeout covers the TLS handshake too: on a loaded 2-core machine 5 s was seen to run
        // out before the handshake could fail, turning the expected SSLHandshakeException into a timeout
        return HttpClient.newBuilder()
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static SSLContext trusting(TestPki authority) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", authority.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
