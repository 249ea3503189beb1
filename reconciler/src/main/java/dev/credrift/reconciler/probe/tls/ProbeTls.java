package dev.credrift.reconciler.probe.tls;

import dev.credrift.reconciler.probe.InvalidProbeSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the probe trusts an HTTPS store, from the binding's {@code store.tls}: the CA bundle (PEM, from a
 * ConfigMap key {@code ca.crt}, or {@code service-ca.crt} as the Tempo operator writes it; none means
 * the JVM's default trust store), the name to send as SNI and to check the certificate against (none
 * means the endpoint's host), and — only when asked — no verification at all.
 *
 * <p>A CA bundle replaces the default trust store rather than adding to it, as Go's {@code RootCAs} does
 * in the consumers we judge for: a store the consumer would not trust must not pass the probe.
 *
 * @param trustedCas the CA certificates to trust; empty means the JVM's default trust store
 * @param serverName the name to verify and send as SNI, if it differs from the endpoint's host
 * @param insecureSkipVerify accept any certificate for any name (verdicts then say so loudly)
 */
public record ProbeTls(List<X509Certificate> trustedCas, Optional<String> serverName, boolean insecureSkipVerify) {

    /** The ConfigMap key read by default. */
    public static final String CA_KEY = "ca.crt";
    /** The key the OpenShift service CA (and the Tempo operator) writes. */
    public static final String SERVICE_CA_KEY = "service-ca.crt";

    /** Copies the list and drops a blank server name. */
    public ProbeTls {
        trustedCas = List.copyOf(Objects.requireNonNull(trustedCas, "trustedCas"));
        serverName = Objects.requireNonNull(serverName, "serverName").filter(name -> !name.isBlank());
    }

    /** The JVM's default trust store, the endpoint's host name, full verification. */
    public static ProbeTls systemTrust() {
        return new ProbeTls(List.of(), Optional.empty(), false);
    }

    /**
     * Trust from a PEM bundle.
     *
     * @param caPem PEM certificates, or {@code null}/blank for the JVM's default trust store
     * @param serverName SNI and verification name, or {@code null}/blank for the endpoint's host
     * @throws InvalidProbeSettings if {@code caPem} holds no certificate
     */
    public static ProbeTls fromPem(String caPem, String serverName, boolean insecureSkipVerify) {
        List<X509Certificate> cas = caPem == null || caPem.isBlank() ? List.of() : parse("store.tls CA bundle", caPem);
        return new ProbeTls(cas, Optional.ofNullable(serverName), insecureSkipVerify);
    }

    /**
     * Trust from a ConfigMap's data.
     *
     * @param configMapName the ConfigMap's name, for error messages
     * @param data its {@code data}
     * @param caKey the key to read, or {@code null} to read {@value #CA_KEY}, else {@value #SERVICE_CA_KEY}
     * @throws InvalidProbeSettings naming the ConfigMap and key if the key is missing or holds no certificate
     */
    public static ProbeTls fromConfigMap(
            String configMapName,
            Map<String, String> data,
            String caKey,
            String serverName,
            boolean insecureSkipVerify) {
        Map<String, String> entries = data == null ? Map.of() : data;
        String key = caKey != null ? caKey : entries.containsKey(CA_KEY) ? CA_KEY : SERVICE_CA_KEY;
        String pem = entries.get(key);
        String field = "ConfigMap " + configMapName + " key " + key;
        if (pem == null || pem.isBlank()) {
            throw new InvalidProbeSettings(
                    field,
                    caKey != null
                            ? "is missing or empty"
                            : "neither " + CA_KEY + " nor " + SERVICE_CA_KEY + " holds a CA bundle");
        }
        return new ProbeTls(parse(field, pem), Optional.ofNullable(serverName), insecureSkipVerify);
    }

    /** Whether a CA bundle replaces the default trust store. */
    public boolean hasCustomCa() {
        return !trustedCas.isEmpty();
    }

    /** The CA subjects and the name and verification choices; certificates are public, yet kept short. */
    @Override
    public String toString() {
        return "ProbeTls[cas="
                + trustedCas.stream()
                        .map(ca -> ca.getSubjectX500Principal().getName())
                        .toList()
                + ", serverName=" + serverName.orElse("<endpoint host>")
                + (insecureSkipVerify ? ", INSECURE-SKIP-VERIFY" : "") + "]";
    }

    private static List<X509Certificate> parse(String field, String pem) {
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new InvalidProbeSettings(field, "holds no PEM certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            // the parser's message may quote input bytes: say only what is wrong
            throw new InvalidProbeSettings(field, "is not a PEM certificate bundle");
        }
    }
}
