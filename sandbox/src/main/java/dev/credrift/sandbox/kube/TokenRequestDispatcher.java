package dev.credrift.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.Resetable;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server's mixed dispatcher (expectations, then CRUD on an {@link IndexedCrudDispatcher indexed store}) plus the one subresource CRUD mode cannot do: the TokenRequest
 * API, {@code POST /api/v1/namespaces/<ns>/serviceaccounts/<sa>/token}. It answers 201 with a TokenRequest whose
 * {@code status.token} the {@link ServiceAccountTokenIssuer} signed, 404 when the ServiceAccount does not exist (as a
 * real API server does), and 503 when the world has no issuer.
 */
final class TokenRequestDispatcher extends Dispatcher implements Resetable, CustomResourceAware {

    private static final Pattern TOKEN_PATH =
            Pattern.compile("^/api/v1/namespaces/([^/]+)/serviceaccounts/([^/?]+)/token(\\?.*)?$");
    private static final long DEFAULT_EXPIRATION_SECONDS = 3600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<ServerRequest, Queue<ServerResponse>> responses;
    private final MockDispatcher expectations;
    private final IndexedCrudDispatcher crud;
    private final RequestCounts requests = new RequestCounts();
    private volatile ServiceAccountTokenIssuer issuer;
    private volatile ApiLatency latency = ApiLatency.NONE;

    TokenRequestDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        this.responses = responses;
        this.expectations = new MockDispatcher(responses);
        this.crud = new IndexedCrudDispatcher();
    }

    RequestCounts requests() {
        return requests;
    }

    /** Stored objects examined by requests so far. */
    long examined() {
        return crud.examined();
    }

    /** What fabric8's KubernetesMixedDispatcher does, on the indexed store: a queued expectation first, else CRUD. */
    private MockResponse mixed(RecordedRequest request) {
        Queue<ServerResponse> queued =
                responses.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
        return queued != null && !queued.isEmpty() ? expectations.dispatch(request) : crud.dispatch(request);
    }

    @Override
    public void shutdown() {
        expectations.shutdown();
        crud.shutdown();
    }

    @Override
    public void releaseResources() {
        expectations.releaseResources();
        crud.releaseResources();
    }

    @Override
    public void reset() {
        crud.reset();
    }

    @Override
    public void expectCustomResource(CustomResourceDefinitionContext context) {
        crud.expectCustomResource(context);
    }

    void latency(ApiLatency delay) {
        this.latency = delay;
    }

    void issuer(ServiceAccountTokenIssuer tokens) {
        this.issuer = tokens;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        try {
            return delayed(answer(request));
        } finally {
            requests.handled(THREADS.getCurrentThreadCpuTime() - cpuBefore);
        }
    }

    // a body delay is a timer of the server's Vert.x: slow answers overlap as they would on a slow API server; a
    // watch's upgrade is not delayed, its initial list (a request of its own) is
    private MockResponse delayed(MockResponse response) {
        ApiLatency delay = latency;
        return delay.delays() && response != null
                ? response.setBodyDelay(delay.next(ThreadLocalRandom.current()))
                : response;
    }

    private MockResponse answer(RecordedRequest request) {
        requests.count(request);
        Matcher matcher = TOKEN_PATH.matcher(request.getPath());
        if (request.method() != HttpMethod.POST || !matcher.matches()) {
            return mixed(request);
        }
        String namespace = matcher.group(1);
        String name = matcher.group(2);
        MockResponse existing = mixed(new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.GET,
                "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name,
                request.getHeaders(),
                new Buffer()));
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
            return status(
                    422,
                    "Invalid",
                    "spec.expirationSeconds: Invalid value: may not specify a duration less" + " than 10 minutes");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = tokens.issue(namespace, name, audiences, Duration.ofSeconds(seconds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "TokenRequest");
        body.put("apiVersion", "authentication.k8s.io/v1");
        body.put("metadata", Map.of("name", name, "namespace", namespace, "creationTimestamp", now.toString()));
        body.put("spec", Map.of("audiences", audiences, "expirationSeconds", seconds));
        body.put(
                "status",
                Map.of(
                        "token",
                        token,
                        "expirationTimestamp",
                        now.plusSeconds(seconds).toString()));
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
            return new MockResponse()
                    .setResponseCode(code)
                    .setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a TokenRequest answer", e);
        }
    }
}
