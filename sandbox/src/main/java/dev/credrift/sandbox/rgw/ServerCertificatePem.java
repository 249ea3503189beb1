package dev.credrift.sandbox.rgw;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A certificate as PEM ({@code tls.Pem} is package-private to the TLS package). */
final class ServerCertificatePem {

    private ServerCertificatePem() {}

    static String of(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(
                    "cannot encode the certificate of " + certificate.getSubjectX500Principal(), e);
        }
    }
}
