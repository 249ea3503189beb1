package dev.credrift.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

// An SSLContext that trusts exactly the certificates of a PEM bundle (a private CA for Connect),
// not the JDK's default roots: the Connect server is ours, a public CA has no business vouching for it.
final class ConnectTls {

    private ConnectTls() {}

    static SSLContext trusting(Path caBundle) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(caBundle);
        } catch (IOException e) {
            throw new InvalidConnectConfig(
                    "caBundle", caBundle + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new InvalidConnectConfig("caBundle", caBundle + " is not a PEM certificate bundle");
        }
        if (certificates.isEmpty()) {
            throw new InvalidConnectConfig("caBundle", caBundle + " contains no certificate");
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context from " + caBundle, e);
        }
    }
}
