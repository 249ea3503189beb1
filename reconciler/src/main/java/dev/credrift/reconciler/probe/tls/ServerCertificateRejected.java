package dev.credrift.reconciler.probe.tls;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Why the probe's trust manager refused the store's certificate, with what a human needs to fix it: the
 * stage that failed, the name expected, and the certificate's subject, issuer, names and validity. The
 * JDK's own exception stays the cause, so its reason (expired, no path to a trust anchor) is kept.
 * Certificates are public: nothing here is secret.
 */
public final class ServerCertificateRejected extends CertificateException {

    private static final long serialVersionUID = 1L;

    /** Which check refused the certificate. */
    public enum Stage {
        /** The chain did not validate against the trusted CAs (unknown CA, expired, ...). */
        CHAIN,
        /** The chain validated but the certificate does not name the expected host. */
        NAME
    }

    private final Stage stage;
    private final String expectedName;
    private final String subject;
    private final String issuer;
    private final List<String> subjectAltNames;
    private final Instant notAfter;

    /**
     * @param stage the check that failed
     * @param expectedName the name the certificate had to carry
     * @param leaf the store's certificate, or {@code null} if it sent none
     * @param cause the JDK's refusal
     */
    public ServerCertificateRejected(
            Stage stage, String expectedName, X509Certificate leaf, CertificateException cause) {
        super(describe(stage, expectedName, leaf), cause);
        this.stage = stage;
        this.expectedName = expectedName;
        this.subject = leaf == null ? "?" : leaf.getSubjectX500Principal().getName();
        this.issuer = leaf == null ? "?" : leaf.getIssuerX500Principal().getName();
        this.subjectAltNames = leaf == null ? List.of() : subjectAltNames(leaf);
        this.notAfter = leaf == null ? null : leaf.getNotAfter().toInstant();
    }

    /** The check that failed. */
    public Stage stage() {
        return stage;
    }

    /** The host name the certificate had to carry. */
    public String expectedName() {
        return expectedName;
    }

    /** The certificate's subject DN. */
    public String subject() {
        return subject;
    }

    /** The certificate's issuer DN. */
    public String issuer() {
        return issuer;
    }

    /** The certificate's names, as {@code DNS:name} and {@code IP:address}. */
    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    /** End of the certificate's validity, or {@code null} if unknown. */
    public Instant notAfter() {
        return notAfter;
    }

    private static String describe(Stage stage, String expectedName, X509Certificate leaf) {
        String who = leaf == null
                ? "no certificate"
                : "certificate " + leaf.getSubjectX500Principal().getName() + " issued by "
                        + leaf.getIssuerX500Principal().getName();
        return (stage == Stage.NAME ? "does not name " + expectedName + ": " : "untrusted chain: ") + who;
    }

    static List<String> subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            List<String> result = new ArrayList<>();
            if (names != null) {
                for (List<?> name : names) {
                    int type = (Integer) name.get(0);
                    if (type == 2) {
                        result.add("DNS:" + name.get(1));
                    } else if (type == 7) {
                        result.add("IP:" + name.get(1));
                    }
                }
            }
            return List.copyOf(result);
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
