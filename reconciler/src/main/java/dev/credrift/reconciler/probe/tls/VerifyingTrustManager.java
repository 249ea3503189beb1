package dev.credrift.reconciler.probe.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager, asked twice so that a failure says which check failed: first the chain
 * alone, then the chain with the host-name check that {@link ServerNameSocketFactory} turned on for the
 * socket. A failure of the second call is therefore a name mismatch, never a chain problem.
 */
final class VerifyingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final String expectedName;

    VerifyingTrustManager(X509ExtendedTrustManager pkix, String expectedName) {
        this.pkix = pkix;
        this.expectedName = expectedName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkChain(chain, authType);
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw new ServerCertificateRejected(ServerCertificateRejected.Stage.NAME, expectedName, leaf(chain), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkChain(chain, authType);
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw new ServerCertificateRejected(ServerCertificateRejected.Stage.NAME, expectedName, leaf(chain), e);
        }
    }

    // Without a socket there is no host to check: refuse rather than skip the name check. The JDK never
    // calls this form on an X509ExtendedTrustManager.
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new ServerCertificateRejected(
                ServerCertificateRejected.Stage.NAME,
                expectedName,
                leaf(chain),
                new CertificateException("host name cannot be verified without a connection"));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the store probe is a client; it never checks client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the store probe is a client; it never checks client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the store probe is a client; it never checks client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new ServerCertificateRejected(ServerCertificateRejected.Stage.CHAIN, expectedName, leaf(chain), e);
        }
    }

    private static X509Certificate leaf(X509Certificate[] chain) {
        return chain == null || chain.length == 0 ? null : chain[0];
    }
}
