package dev.credrift.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.SecretValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request to Connect and its answer, for both roles: the JDK client set up once per server (its own CA trust,
 * HTTP/1.1, no redirects), the bearer token from the token file, and every transport failure turned into its
 * {@link ConnectException}. {@link #send} (the typed client) also re-reads the token once on a 401 and turns every
 * non-2xx status into its exception; {@link #exchange} (the watcher's poll) hands back whatever status came.
 */
public final class ConnectHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectHttp.class);
    private static final int MAX_SERVER_MESSAGE = 200;

    private final HttpClient http;
    private final URI base;
    private final TokenFile token;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper json;

    ConnectHttp(ConnectClientConfig config, TokenFile token, Clock clock, ObjectMapper json) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        config.caBundle().ifPresent(bundle -> builder.sslContext(ConnectTls.trusting(bundle)));
        this.http = builder.build();
        this.base = config.baseUri();
        this.token = token;
        this.requestTimeout = config.requestTimeout();
        this.clock = clock;
        this.json = json;
    }

    /** A status and its body as received; {@link #text()} decodes it. */
    public record Answer(int status, byte[] body, HttpHeaders headers) {

        /** The body as UTF-8 text (Connect answers JSON), empty when there was none. */
        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A transport for the server of {@code config}; the token file is read on the first request, not here. */
    static ConnectHttp create(ConnectClientConfig config, Clock clock, ObjectMapper json) {
        return new ConnectHttp(config, new TokenFile(config.tokenFile()), clock, json);
    }

    /** Reads the token file again; true if the token changed. */
    boolean reloadToken() {
        return token.reload();
    }

    /**
     * @param pathAndQuery e.g. {@code /v1/vaults?filter=...}, already encoded
     * @param sentValues   secrets the request carries, blanked out of any server message we quote
     */
    Answer send(
            String method,
            String pathAndQuery,
            String jsonBody,
            ConnectTarget target,
            Collection<SecretValue> sentValues) {
        Answer answer = exchange(method, pathAndQuery, jsonBody, target);
        if (answer.status() == 401 && token.reload()) {
            LOG.info(
                    "1Password Connect token file {} changed; retrying {} once with the new token",
                    token.path(),
                    method);
            answer = exchange(method, pathAndQuery, jsonBody, target);
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer;
        }
        throw toException(answer, target, sentValues);
    }

    // Liveness needs no token: /heartbeat is unauthenticated and answers text/plain.
    void sendHeartbeat(ConnectTarget target) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/heartbeat"))
                .timeout(requestTimeout)
                .header("Accept", "text/plain")
                .GET()
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException.Unreachable(
                    target, server(), ConnectException.Unreachable.Reason.INTERRUPTED, e);
        } catch (IOException e) {
            throw new ConnectException.Unreachable(target, server(), classify(e), e);
        }
        if (status != 200) {
            throw status >= 500
                    ? new ConnectException.ServerError(target, status, "")
                    : new ConnectException.InvalidResponse(target, status, "status", "is not 200 for /heartbeat");
        }
    }

    /** One attempt, whatever status it gets; a transport failure or an unusable token file is thrown. */
    Answer exchange(String method, String pathAndQuery, String jsonBody, ConnectTarget target) {
        SecretValue bearer = token.current();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer.reveal())
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug(
                    "1Password Connect {} {} -> {} in {} ms",
                    method,
                    pathOnly(pathAndQuery),
                    response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException.Unreachable(
                    target, server(), ConnectException.Unreachable.Reason.INTERRUPTED, e);
        } catch (IOException e) {
            ConnectException.Unreachable.Reason reason = classify(e);
            LOG.debug("1Password Connect {} {} failed: {}", method, pathOnly(pathAndQuery), reason);
            throw new ConnectException.Unreachable(target, server(), reason, e);
        }
    }

    private ConnectException toException(Answer answer, ConnectTarget target, Collection<SecretValue> sentValues) {
        String said = serverMessage(answer.text(), sentValues);
        String quoted = said.isEmpty() ? "" : " (server: " + said + ")";
        int status = answer.status();
        return switch (status) {
            case 400 -> new ConnectException.BadRequest(target, quoted);
            case 401 -> new ConnectException.Unauthorized(target, quoted);
            case 403 -> new ConnectException.Forbidden(target, quoted);
            case 404 -> new ConnectException.NotFound(target, missing(target, said), 404, quoted);
            case 409 -> new ConnectException.Conflict(target, 409, quoted);
            case 429 -> new ConnectException.RateLimited(target, retryAfter(answer.headers()), quoted);
            default ->
                status >= 500 && status < 600
                        ? new ConnectException.ServerError(target, status, quoted)
                        : new ConnectException.InvalidResponse(
                                target, status, "status", "is not one Connect answers with");
        };
    }

    // Connect says "vault {id} not found" or "item {id} not found"; a call about a vault can only miss the vault.
    private static ConnectException.NotFound.Missing missing(ConnectTarget target, String said) {
        if ((target.itemId() == null && target.itemTitle() == null) || said.startsWith("vault ")) {
            return ConnectException.NotFound.Missing.VAULT;
        }
        return ConnectException.NotFound.Missing.ITEM;
    }

    // The ErrorResponse message, with every value we sent and the token blanked out, on one short line.
    private String serverMessage(String body, Collection<SecretValue> sentValues) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message;
        try {
            JsonNode node = json.readTree(body);
            message = node != null && node.path("message").isTextual()
                    ? node.path("message").asText()
                    : "";
        } catch (IOException e) {
            return "";
        }
        List<String> secrets = new ArrayList<>();
        sentValues.forEach(v -> secrets.add(v.reveal()));
        secrets.add(token.current().reveal());
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                message = message.replace(secret, "<redacted>");
            }
        }
        message = message.replaceAll("\\p{Cntrl}", " ").strip();
        return message.length() > MAX_SERVER_MESSAGE ? message.substring(0, MAX_SERVER_MESSAGE) + "…" : message;
    }

    // Seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored.
    private Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(
                    clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ConnectException.Unreachable.Reason classify(IOException e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return ConnectException.Unreachable.Reason.TIMEOUT;
        }
        // java.net.ConnectException by name: this package has a ConnectException of its own
        if (e instanceof java.net.ConnectException) {
            return ConnectException.Unreachable.Reason.CONNECTION_REFUSED;
        }
        boolean tls = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                tls = true;
            }
            if (t instanceof CertificateExpiredException) {
                return ConnectException.Unreachable.Reason.TLS_CERTIFICATE_EXPIRED;
            }
            if (t instanceof CertPathValidatorException validator
                    && validator.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return ConnectException.Unreachable.Reason.TLS_CERTIFICATE_EXPIRED;
            }
            if (t instanceof CertPathBuilderException) {
                return ConnectException.Unreachable.Reason.TLS_UNTRUSTED_CERTIFICATE;
            }
            if (t instanceof CertificateException
                    && t.getMessage() != null
                    && (t.getMessage().startsWith("No subject alternative")
                            || t.getMessage().startsWith("No name matching"))) {
                return ConnectException.Unreachable.Reason.TLS_HOSTNAME_MISMATCH;
            }
        }
        return tls
                ? ConnectException.Unreachable.Reason.TLS_HANDSHAKE_FAILED
                : ConnectException.Unreachable.Reason.IO_ERROR;
    }

    private String server() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
