package dev.credrift.reconciler.probe.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The three things an HTTP client needs to reach one HTTPS store as {@link ProbeTls} says: a socket
 * factory, its trust manager and a host-name verifier. The certificate and its name are checked during
 * the handshake (see {@link VerifyingTrustManager}); the verifier only confirms that the session was
 * made for the expected name.
 *
 * @param socketFactory TLS sockets that send SNI and check the name
 * @param trustManager the trust manager behind {@code socketFactory}
 * @param hostnameVerifier accepts sessions handshaken for the expected name
 * @param expectedName the name the certificate must carry
 * @param verified {@code false} when {@code insecureSkipVerify} turned all checks off
 */
public record TlsClient(
        SSLSocketFactory socketFactory,
        X509TrustManager trustManager,
        HostnameVerifier hostnameVerifier,
        String expectedName,
        boolean verified) {

    /**
     * Builds the client side of TLS for a store reached at {@code endpointHost}.
     *
     * @param tls the binding's trust settings
     * @param endpointHost the host of the endpoint URL
     */
    public static TlsClient forStore(ProbeTls tls, String endpointHost) {
        String expectedName = tls.serverName().orElse(endpointHost);
        try {
            X509ExtendedTrustManager trustManager = tls.insecureSkipVerify()
                    ? new TrustingEverything()
                    : new VerifyingTrustManager(pkix(tls.trustedCas()), expectedName);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            boolean verified = !tls.insecureSkipVerify();
            SSLSocketFactory sockets = new ServerNameSocketFactory(context.getSocketFactory(), expectedName, verified);
            HostnameVerifier verifier = verified
                    ? (host, session) -> expectedName.equalsIgnoreCase(session.getPeerHost())
                    : (host, session) -> true;
            return new TlsClient(sockets, trustManager, verifier, expectedName, verified);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot build a TLS client context", e);
        }
    }

    private static X509ExtendedTrustManager pkix(List<X509Certificate> cas) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (cas.isEmpty()) {
            factory.init((KeyStore) null);
        } else {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                anchors.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot create an empty key store", e);
            }
            for (int i = 0; i < cas.size(); i++) {
                anchors.setCertificateEntry("ca-" + i, cas.get(i));
            }
            factory.init(anchors);
        }
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the default trust manager factory offers no X509ExtendedTrustManager");
    }
}
