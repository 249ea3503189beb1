package dev.credrift.reconciler.probe;

import dev.credrift.reconciler.probe.tls.ProbeTls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to probe: the store's endpoint, the bucket to list, how to sign and address it, and how to trust
 * it. Holds no credential, so it can be logged and used as part of a cache key.
 *
 * @param endpoint {@code http(s)://host[:port]}, without path
 * @param bucket the bucket to list one object of
 * @param region the signing region; empty lets minio-java choose ({@code us-east-1} for custom endpoints,
 *               which RGW and MinIO accept, a lookup for AWS)
 * @param addressing path-style or virtual-hosted requests
 * @param tls how to trust an {@code https} endpoint; ignored for {@code http}
 */
public record ProbeTarget(
        URI endpoint, String bucket, Optional<String> region, AddressingStyle addressing, ProbeTls tls) {

    /**
     * Validates and normalizes (a trailing {@code /} is dropped).
     *
     * @throws InvalidProbeSettings naming {@code store.endpoint}, {@code store.bucket} or {@code store.region}
     */
    public ProbeTarget {
        endpoint = normalize(endpoint);
        if (bucket == null || bucket.isBlank()) {
            throw new InvalidProbeSettings("store.bucket", "must not be empty");
        }
        region = Objects.requireNonNull(region, "region").filter(r -> !r.isBlank());
        Objects.requireNonNull(addressing, "addressing");
        Objects.requireNonNull(tls, "tls");
    }

    /** A target trusted through the JVM's default trust store, with minio-java's defaults. */
    public static ProbeTarget of(String endpoint, String bucket) {
        return of(endpoint, bucket, ProbeTls.systemTrust());
    }

    /** A target with these TLS settings and minio-java's defaults for region and addressing. */
    public static ProbeTarget of(String endpoint, String bucket, ProbeTls tls) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidProbeSettings("store.endpoint", "must not be empty");
        }
        try {
            return new ProbeTarget(new URI(endpoint.trim()), bucket, Optional.empty(), AddressingStyle.AUTO, tls);
        } catch (URISyntaxException e) {
            throw new InvalidProbeSettings("store.endpoint", "'" + endpoint + "' is not a URL");
        }
    }

    /** This target with a signing region. */
    public ProbeTarget withRegion(String signingRegion) {
        return new ProbeTarget(endpoint, bucket, Optional.ofNullable(signingRegion), addressing, tls);
    }

    /** This target with an addressing style. */
    public ProbeTarget withAddressing(AddressingStyle style) {
        return new ProbeTarget(endpoint, bucket, region, style, tls);
    }

    /** This target with other TLS settings. */
    public ProbeTarget withTls(ProbeTls trust) {
        return new ProbeTarget(endpoint, bucket, region, addressing, trust);
    }

    /** Whether the endpoint is {@code https}. */
    public boolean isHttps() {
        return "https".equals(endpoint.getScheme());
    }

    /** Whether verdicts for this target come without TLS verification. */
    public boolean tlsUnverified() {
        return isHttps() && tls.insecureSkipVerify();
    }

    private static URI normalize(URI endpoint) {
        if (endpoint == null) {
            throw new InvalidProbeSettings("store.endpoint", "must not be empty");
        }
        String scheme =
                endpoint.getScheme() == null ? null : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidProbeSettings("store.endpoint", "'" + endpoint + "' must start with http:// or https://");
        }
        if (endpoint.getHost() == null) {
            throw new InvalidProbeSettings("store.endpoint", "'" + endpoint + "' has no host");
        }
        if (endpoint.getRawUserInfo() != null) {
            // user info would be a credential in a URL: refuse, and do not echo it
            throw new InvalidProbeSettings("store.endpoint", "must not carry user info (user:password@)");
        }
        String path = endpoint.getRawPath();
        if ((path != null && !path.isEmpty() && !"/".equals(path))
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null) {
            throw new InvalidProbeSettings(
                    "store.endpoint",
                    "'" + endpoint.getScheme() + "://" + endpoint.getHost()
                            + "...' must be scheme, host and port only");
        }
        try {
            return new URI(scheme, null, endpoint.getHost(), endpoint.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new InvalidProbeSettings("store.endpoint", "'" + endpoint + "' is not a URL");
        }
    }
}
