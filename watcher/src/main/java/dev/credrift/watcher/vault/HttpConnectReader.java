package dev.credrift.watcher.vault;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.credrift.api.secret.TokenFile;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.watcher.WatcherConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@link ConnectReader} over the JDK HTTP client: bearer token from a file (read again when it changes, and after a
 * 401), an optional private CA (trusted instead of the JDK's roots: the Connect server is ours), a time limit per
 * request. Bodies are parsed without source snippets in parser messages, and no message ever carries a body, a
 * header or the token.
 */
public final class HttpConnectReader implements ConnectReader {

    // a 401 may mean the token was rotated within one mtime tick; a file that became unreadable is reported by
    // the next request's current()
    private void reloadToken() {
        try {
            token.reload();
        } catch (TokenFile.Unreadable e) {
            // reported on the next request
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final int BODY_MAX = 8 * 1024 * 1024;

    private final URI base;
    private final TokenFile token;
    private final Duration requestTimeout;
    private final HttpClient http;

    private HttpConnectReader(URI base, TokenFile token, Duration requestTimeout, HttpClient http) {
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = http;
    }

    /**
     * A reader for the Connect server of {@code polling}.
     *
     * @throws IllegalArgumentException when the CA file cannot be used (named, with what is wrong)
     */
    public static HttpConnectReader create(WatcherConfig.VaultPolling polling) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with a plain-http Connect
                .connectTimeout(polling.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        polling.caFile().ifPresent(ca -> builder.sslContext(trusting(ca)));
        String root = polling.connectUrl().toString().replaceAll("/+$", "");
        if (root.endsWith("/v1")) {
            root = root.substring(0, root.length() - 3);
        }
        return new HttpConnectReader(URI.create(root), new TokenFile(polling.tokenFile()), polling.requestTimeout(),
                builder.build());
    }

    @Override
    public ConnectAnswer get(String pathAndQuery) {
        String bearer;
        try {
            bearer = token.current().reveal();
        } catch (TokenFile.Unreadable e) {
            return new ConnectAnswer.Failed(0, ProblemCode.FORBIDDEN, "Connect " + e.getMessage(), Optional.empty());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // exception messages of the JDK client name the URI at most, never headers
            return new ConnectAnswer.Failed(0, ProblemCode.UNREACHABLE, "no answer (" + e.getClass().getSimpleName()
                    + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectAnswer.Failed(0, ProblemCode.UNREACHABLE, "interrupted", Optional.empty());
        }
        int status = response.statusCode();
        if (status == 401) {
            reloadToken();
        }
        if (status / 100 != 2) {
            return new ConnectAnswer.Failed(status, code(status), "HTTP " + status,
                    retryAfter(response.headers().firstValue("Retry-After")));
        }
        byte[] body = response.body();
        if (body == null || body.length > BODY_MAX) {
            return new ConnectAnswer.Failed(status, ProblemCode.UNREACHABLE, "HTTP " + status
                    + " with no body or one over " + BODY_MAX + " bytes", Optional.empty());
        }
        try {
            return new ConnectAnswer.Ok(JSON.readTree(new ByteArrayInputStream(body)));
        } catch (IOException e) {
            // the parser's message could quote the body (which holds field values): never pass it on
            return new ConnectAnswer.Failed(status, ProblemCode.UNREACHABLE, "HTTP " + status
                    + " with a body that is not JSON", Optional.empty());
        } finally {
            java.util.Arrays.fill(body, (byte) 0);
        }
    }

    static ProblemCode code(int status) {
        return switch (status) {
            case 401, 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.MISSING_OBJECT;
            default -> ProblemCode.UNREACHABLE;
        };
    }

    static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds >= 0 && seconds <= 3600 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static SSLContext trusting(Path caFile) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(caFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("vaultPolling.caFile: " + caFile + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("vaultPolling.caFile: " + caFile + " is not a PEM certificate bundle");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("vaultPolling.caFile: " + caFile + " contains no certificate");
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("vaultPolling.caFile: " + caFile + " cannot be used as trust ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
