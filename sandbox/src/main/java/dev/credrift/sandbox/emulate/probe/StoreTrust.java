package dev.credrift.sandbox.emulate.probe;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a TLS client trusts when it talks to the store: the CA certificates from a ConfigMap (none: the JVM's default
 * trust store) and the server name to verify instead of the endpoint's host (SNI and name check).
 *
 * @param caCertificates the trusted CAs; empty for the JVM default
 * @param serverName     the name to expect on the certificate; empty for the endpoint's host
 */
public record StoreTrust(List<X509Certificate> caCertificates, Optional<String> serverName) {

    /** Copies the list. */
    public StoreTrust {
        caCertificates = List.copyOf(caCertificates);
        Objects.requireNonNull(serverName, "serverName");
    }

    /** The JVM's default trust, the endpoint's own host name. */
    public static StoreTrust jvmDefault() {
        return new StoreTrust(List.of(), Optional.empty());
    }

    /** Trusts {@code ca} only, verifying {@code serverName} when given. */
    public static StoreTrust of(X509Certificate ca, String serverName) {
        return new StoreTrust(
                List.of(ca), serverName == null || serverName.isBlank() ? Optional.empty() : Optional.of(serverName));
    }

    /** A TLS context trusting exactly these CAs (or the JVM default). */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caCertificates.isEmpty()) {
                context.init(null, null, null);
                return context;
            }
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            for (int i = 0; i < caCertificates.size(); i++) {
                trustStore.setCertificateEntry("ca-" + i, caCertificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context for the store probe", e);
        }
    }
}
