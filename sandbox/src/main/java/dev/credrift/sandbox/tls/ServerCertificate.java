package dev.credrift.sandbox.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server certificate and its private key, issued by a {@link TestPki}. The key is test-world
 * material, yet it is still kept out of {@link #toString()}.
 */
public final class ServerCertificate {

    /** The alias of the entry in {@link #keyStore(char[])}. */
    public static final String KEY_ALIAS = "server";

    private final X509Certificate certificate;
    private final X509Certificate issuer;
    private final PrivateKey privateKey;
    private final List<String> subjectAltNames;

    ServerCertificate(
            X509Certificate certificate, X509Certificate issuer, PrivateKey privateKey, List<String> subjectAltNames) {
        this.certificate = certificate;
        this.issuer = issuer;
        this.privateKey = privateKey;
        this.subjectAltNames = List.copyOf(subjectAltNames);
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate of the CA that signed it. */
    public X509Certificate issuerCertificate() {
        return issuer;
    }

    /** The DNS names and IP addresses it was issued for, as given. */
    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    /** Start of validity. */
    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    /** End of validity. */
    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Whether it is outside its validity window at {@code instant}. */
    public boolean isExpiredAt(Instant instant) {
        return instant.isAfter(notAfter());
    }

    /** The leaf certificate as PEM ({@code tls.crt}). */
    public String certificatePem() {
        return Pem.certificates(List.of(certificate));
    }

    /** The private key as PKCS#8 PEM ({@code tls.key}); test material, for servers outside this JVM (radosgw). */
    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    /** Certificate then key in one PEM, the form radosgw's beast frontend takes as {@code ssl_certificate}. */
    public String combinedPem() {
        return certificatePem() + privateKeyPem();
    }

    /** An in-memory PKCS#12 key store holding the key and certificate under {@link #KEY_ALIAS}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(KEY_ALIAS, privateKey, password, new Certificate[] {certificate});
            return keyStore;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a key store for " + this, e);
        }
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverSslContext() {
        char[] password = "sandbox".toCharArray();
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore(password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for " + this, e);
        }
    }

    /** Names, validity and issuer; never the key. */
    @Override
    public String toString() {
        return "ServerCertificate[names=" + subjectAltNames + ", notAfter=" + notAfter() + ", issuer="
                + issuer.getSubjectX500Principal().getName() + "]";
    }
}
