package dev.credrift.sandbox.world.spec;

import java.util.List;
import java.util.Optional;

/**
 * HTTPS for the store, with a private CA.
 *
 * @param caName      the CA's common name
 * @param names       the DNS names and IPs on the server certificate (default {@code 127.0.0.1}, {@code localhost})
 * @param serverName  the name consumers verify (SNI), if not the endpoint's host
 * @param certificate what the store presents at start
 * @param publishCa   ConfigMaps that receive the CA certificate
 */
public record TlsSpec(
        String caName,
        List<String> names,
        Optional<String> serverName,
        CertificateState certificate,
        List<CaConfigMap> publishCa) {

    /** Copies lists. */
    public TlsSpec {
        names = List.copyOf(names);
        publishCa = List.copyOf(publishCa);
    }

    /** What the store's certificate is like. */
    public enum CertificateState {
        /** Issued by the world's CA, valid now. */
        VALID,
        /** Issued by the world's CA, expired a day ago. */
        EXPIRED,
        /** Valid, but issued by another CA than the one published. */
        UNTRUSTED
    }

    /**
     * A ConfigMap to hold the CA certificate.
     *
     * @param namespace its namespace
     * @param name      its name
     * @param key       the data key, e.g. {@code ca.crt} or {@code service-ca.crt}
     */
    public record CaConfigMap(String namespace, String name, String key) {}
}
