package dev.credrift.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server's dispatcher (expectations, then CRUD) plus the one subresource CRUD mode cannot do: the TokenRequest
 * API, {@code POST /api/v1/namespaces/<ns>/serviceaccounts/<sa>/token}. It answers 201 with a TokenRequest whose
 * {@code status.token} the {@link ServiceAccountTokenIssuer} signed, 404 when the ServiceAccount does not exist (as a
 * real API server does), and 503 when the world has no issuer.
 */
final class TokenRequestDispatcher extends KubernetesMixedDispatcher {

    private static final Pattern TOKEN_PATH =
            Pattern.compile("^/api/v1/namespaces/([^/]+)/serviceaccounts/([^/?]+)/token(\\?.*)?$");
    private static final long DEFAULT_EXPIRATION_SECONDS = 3600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile ServiceAccountTokenIssuer issuer;

    TokenRequestDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }

    void issuer(ServiceAccountTokenIssuer tokens) {
        this.issuer = tokens;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher matcher = TOKEN_PATH.matcher(request.getPath());
        if (request.method() != HttpMethod.POST || !matcher.matches()) {
            return super.dispatch(request);
        }
        String namespace = matcher.group(1);
        String name = matcher.group(2);
        MockResponse existing = super.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET,
                "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name, request.getHeaders(), new Buffer()));
        if (existing.code() == 404) {
            return status(404, "NotFound", "serviceaccounts \"" + name + "\" not found");
        }
        ServiceAccountTokenIssuer tokens = issuer;
        if (tokens == null) {
            return status(503, "ServiceUnavailable", "this sandbox has no service-account token issuer");
        }
        List<String> audiences = new ArrayList<>();
        long seconds = DEFAULT_EXPIRATION_SECONDS;
        try {
            JsonNode spec = JSON.readTree(request.getBody().readUtf8()).path("spec");
            spec.path("audiences").forEach(a -> audiences.add(a.asText()));
            if (spec.path("expirationSeconds").canConvertToLong()) {
                seconds = spec.path("expirationSeconds").asLong();
            }
        } catch (Exception e) {
            return status(400, "BadRequest", "the TokenRequest body is not JSON");
        }
        if (seconds < 600) {
            return status(422, "Invalid", "spec.expirationSeconds: Invalid value: may not specify a duration less"
                    + " than 10 minutes");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = tokens.issue(namespace, name, audiences, Duration.ofSeconds(seconds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "TokenRequest");
        body.put("apiVersion", "authentication.k8s.io/v1");
        body.put("metadata", Map.of("name", name, "namespace", namespace, "creationTimestamp", now.toString()));
        body.put("spec", Map.of("audiences", audiences, "expirationSeconds", seconds));
        body.put("status", Map.of("token", token, "expirationTimestamp", now.plusSeconds(seconds).toString()));
        return json(201, body);
    }

    private static MockResponse status(int code, String reason, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "Status");
        body.put("apiVersion", "v1");
        body.put("metadata", Map.of());
        body.put("status", "Failure");
        body.put("message", message);
        body.put("reason", reason);
        body.put("code", code);
        return json(code, body);
    }

    private static MockResponse json(int code, Map<String, Object> body) {
        try {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a TokenRequest answer", e);
        }
    }
}
