package dev.credrift.connect;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Connect server is and how to talk to it.
 *
 * @param baseUri        the server root, e.g. {@code https://onepassword-connect:8443} (a trailing
 *                       {@code /v1} is tolerated and dropped)
 * @param tokenFile      file holding the bearer token, re-read when it changes
 * @param caBundle       PEM certificates to trust for an {@code https} server instead of the JDK's roots
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time limit for one request and its answer
 * @param readBack       how long to wait for a write to become visible
 */
public record ConnectClientConfig(
        URI baseUri,
        Path tokenFile,
        Optional<Path> caBundle,
        Duration connectTimeout,
        Duration requestTimeout,
        ReadBackPolicy readBack) {

    public ConnectClientConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(readBack, "readBack");
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidConnectConfig("baseUri", "must be an http or https URL");
        }
        if (baseUri.getHost() == null) {
            throw new InvalidConnectConfig("baseUri", "has no host");
        }
        if (baseUri.getUserInfo() != null || baseUri.getQuery() != null || baseUri.getFragment() != null) {
            throw new InvalidConnectConfig("baseUri", "must not carry user info, a query or a fragment");
        }
        String path = baseUri.getPath() == null ? "" : baseUri.getPath().replaceAll("/+$", "");
        if (path.endsWith("/v1")) {
            path = path.substring(0, path.length() - 3);
        }
        baseUri = URI.create(scheme + "://" + baseUri.getRawAuthority() + path);
        if (caBundle.isPresent() && !"https".equals(scheme)) {
            throw new InvalidConnectConfig("caBundle", "is set but baseUri is not https");
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new InvalidConnectConfig("timeouts", "must be positive");
        }
    }

    /** Defaults: JDK trust roots, 5 s connect timeout, 15 s request timeout, {@link ReadBackPolicy#defaults()}. */
    public static ConnectClientConfig of(URI baseUri, Path tokenFile) {
        return new ConnectClientConfig(
                baseUri,
                tokenFile,
                Optional.empty(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                ReadBackPolicy.defaults());
    }

    /** The same, trusting the certificates in this PEM file. */
    public ConnectClientConfig withCaBundle(Path caBundle) {
        return new ConnectClientConfig(
                baseUri, tokenFile, Optional.of(caBundle), connectTimeout, requestTimeout, readBack);
    }

    /** The same, with these timeouts. */
    public ConnectClientConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new ConnectClientConfig(baseUri, tokenFile, caBundle, connectTimeout, requestTimeout, readBack);
    }

    /** The same, with this read-back policy. */
    public ConnectClientConfig withReadBack(ReadBackPolicy readBack) {
        return new ConnectClientConfig(baseUri, tokenFile, caBundle, connectTimeout, requestTimeout, readBack);
    }
}
