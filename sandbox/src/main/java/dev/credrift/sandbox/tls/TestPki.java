package dev.credrift.sandbox.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for test worlds (story 3: S3 over TLS with a CA held in a ConfigMap).
 * It issues server certificates for given DNS names and IP addresses, valid or expired; a certificate
 * "for the wrong host" is one issued for other names, and one "signed by another CA" comes from a
 * second {@code TestPki}. Keys are EC P-256: quick to generate, accepted by every TLS stack we meet.
 *
 * <p>Validity is computed from the injected {@link Clock}, so a world timeline decides what "now" is.
 */
public final class TestPki {

    /** How long a CA made here is valid. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** How long a server certificate made by {@link #serverCertificate(String...)} is valid. */
    public static final Duration SERVER_VALIDITY = Duration.ofDays(30);
    // back-dated so that small clock differences between JVM parts never make a fresh certificate "not yet valid"
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final Clock clock;
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestPki(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.keyPair = newKeyPair();
        Instant now = clock.instant();
        X500Name subject = distinguishedName(name);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(),
                            Date.from(now.minus(BACKDATE)),
                            Date.from(now.plus(CA_VALIDITY)),
                            subject,
                            keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            this.certificate = sign(builder, keyPair);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot make the test CA '" + name + "'", e);
        }
    }

    /** A new CA named {@code name} (its common name), valid from now (system clock) for {@link #CA_VALIDITY}. */
    public static TestPki newCa(String name) {
        return newCa(name, Clock.systemUTC());
    }

    /** A new CA whose "now" — for its own validity and every certificate it issues — comes from {@code clock}. */
    public static TestPki newCa(String name, Clock clock) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("TestPki name: must not be blank");
        }
        return new TestPki(name, Objects.requireNonNull(clock, "clock"));
    }

    /** The CA's name (common name of its certificate). */
    public String name() {
        return name;
    }

    /** The CA certificate. */
    public X509Certificate caCertificate() {
        return certificate;
    }

    /** The CA certificate as PEM, as it would sit in a ConfigMap under {@code ca.crt} or {@code service-ca.crt}. */
    public String caCertificatePem() {
        return Pem.certificates(List.of(certificate));
    }

    /**
     * A server certificate valid now for {@link #SERVER_VALIDITY}, naming {@code subjectAltNames}: each is an
     * IP address literal (IPv4 or IPv6) or a DNS name (wildcards like {@code *.storage.svc} allowed).
     */
    public ServerCertificate serverCertificate(String... subjectAltNames) {
        Instant now = clock.instant();
        return serverCertificate(now.minus(BACKDATE), now.plus(SERVER_VALIDITY), List.of(subjectAltNames));
    }

    /** A server certificate for these names whose validity ended a day ago (it began 30 days ago). */
    public ServerCertificate expiredServerCertificate(String... subjectAltNames) {
        Instant now = clock.instant();
        return serverCertificate(
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), List.of(subjectAltNames));
    }

    /** A server certificate for these names with an explicit validity window. */
    public ServerCertificate serverCertificate(Instant notBefore, Instant notAfter, List<String> subjectAltNames) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException(
                    "server certificate validity: notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        List<String> names = SubjectAltNames.validate(subjectAltNames);
        KeyPair serverKeys = newKeyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            List<GeneralName> generalNames = new ArrayList<>();
            for (String altName : names) {
                generalNames.add(SubjectAltNames.toGeneralName(altName));
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            certificate,
                            serial(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            distinguishedName(names.get(0)),
                            serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(generalNames.toArray(GeneralName[]::new)))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(serverKeys.getPublic()))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate leaf = sign(builder, keyPair);
            return new ServerCertificate(leaf, certificate, serverKeys.getPrivate(), names);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a server certificate for " + names, e);
        }
    }

    /** Names the CA only; never its key. */
    @Override
    public String toString() {
        return "TestPki[" + name + ", notAfter=" + certificate.getNotAfter().toInstant() + "]";
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no signer for " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static X500Name distinguishedName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "credrift sandbox")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys are unavailable in this JVM", e);
        }
    }
}
