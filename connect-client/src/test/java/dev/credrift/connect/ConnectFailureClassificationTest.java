package dev.credrift.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectFailureClassificationTest {

    private static SSLHandshakeException handshake(Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException("handshake failed");
        e.initCause(cause);
        return e;
    }

    @Test
    void shouldClassifyTimeoutsAndRefusals() {
        assertThat(ConnectHttp.classify(new HttpTimeoutException("t")))
                .isEqualTo(ConnectException.Unreachable.Reason.TIMEOUT);
        assertThat(ConnectHttp.classify(new HttpConnectTimeoutException("t")))
                .isEqualTo(ConnectException.Unreachable.Reason.TIMEOUT);
        assertThat(ConnectHttp.classify(new java.net.ConnectException("refused")))
                .isEqualTo(ConnectException.Unreachable.Reason.CONNECTION_REFUSED);
        assertThat(ConnectHttp.classify(new IOException("reset")))
                .isEqualTo(ConnectException.Unreachable.Reason.IO_ERROR);
    }

    @Test
    void shouldClassifyTlsFailuresByTheirCause() {
        assertThat(ConnectHttp.classify(handshake(new CertificateExpiredException("expired"))))
                .isEqualTo(ConnectException.Unreachable.Reason.TLS_CERTIFICATE_EXPIRED);
        assertThat(ConnectHttp.classify(handshake(new CertPathValidatorException(
                        "v", null, null, -1, CertPathValidatorException.BasicReason.EXPIRED))))
                .isEqualTo(ConnectException.Unreachable.Reason.TLS_CERTIFICATE_EXPIRED);
        assertThat(ConnectHttp.classify(
                        handshake(new CertPathBuilderException("unable to find valid certification path"))))
                .isEqualTo(ConnectException.Unreachable.Reason.TLS_UNTRUSTED_CERTIFICATE);
        assertThat(ConnectHttp.classify(handshake(
                        new CertificateException("No subject alternative names matching IP address 127.0.0.1 found"))))
                .isEqualTo(ConnectException.Unreachable.Reason.TLS_HOSTNAME_MISMATCH);
        assertThat(ConnectHttp.classify(handshake(null)))
                .isEqualTo(ConnectException.Unreachable.Reason.TLS_HANDSHAKE_FAILED);
    }

    @Test
    void shouldDescribeTargetsByNameAndId() {
        assertThat(new ConnectTarget("v".repeat(26), "Infrastructure", "i".repeat(26), "loki-s3-config").describe())
                .isEqualTo("item 'loki-s3-config' (id " + "i".repeat(26) + ") in vault 'Infrastructure' (id "
                        + "v".repeat(26) + ")");
        assertThat(ConnectTarget.vaultNamed("Infrastructure").describe()).isEqualTo("vault 'Infrastructure'");
    }
}
