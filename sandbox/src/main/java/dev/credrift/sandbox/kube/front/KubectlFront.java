package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP front on {@code 127.0.0.1} before the fabric8 mock API server, so that a real {@code kubectl} (1.32) works
 * against a sandbox world. It answers discovery itself ({@link Discovery}); for reads it asks the mock for JSON and
 * returns it as kubectl wants it — a {@link Tables Table} when asked for one, lists of the right kind with the
 * server's {@link ServerDefaults defaults}, filtered by {@link FieldSelector field selector}, Events converted
 * between their two APIs ({@link EventVersions}); watches are relayed from the mock's WebSocket as an HTTP stream
 * ({@link WatchRelay}); strategic-merge patches ({@code kubectl rollout restart}) go on as JSON merge patches,
 * which is what they mean for the maps kubectl patches (the mock rejects the strategic type). The rest passes
 * through unchanged. Fabric8 clients keep talking to the mock directly.
 */
public final class KubectlFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubectlFront.class);
    private static final String HOST = "127.0.0.1";
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String STRATEGIC = "application/strategic-merge-patch+json";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Upstream upstream;
    private final ObjectMapper json = new ObjectMapper();
    private final Tables tables = new Tables(json);
    private final Clock clock;

    private KubectlFront(HttpServer server, ExecutorService threads, Upstream upstream, Clock clock) {
        this.server = server;
        this.threads = threads;
        this.upstream = upstream;
        this.clock = clock;
    }

    /** Starts a front for the mock at {@code mockUrl} on a free port. */
    public static KubectlFront start(URI mockUrl, Clock clock) {
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "kubectl-front");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(HOST, 0), 64);
            KubectlFront front = new KubectlFront(server, threads, new Upstream(mockUrl), clock);
            server.createContext("/", front::handle);
            server.setExecutor(threads);
            server.start();
            LOG.info("kubectl front at {} for the mock at {}", front.url(), mockUrl);
            return front;
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("the kubectl front cannot listen on " + HOST, e);
        }
    }

    /** The URL to give kubectl, e.g. {@code http://127.0.0.1:40125}. */
    public String url() {
        return "http://" + HOST + ":" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean table = exchange.getRequestHeaders().getOrDefault("Accept", List.of()).stream()
                    .anyMatch(a -> a.contains("as=Table"));
            if (method.equals("GET")) {
                Optional<JsonNode> discovery = discovery(path);
                if (discovery.isPresent()) {
                    respond(exchange, 200, discovery.get());
                    return;
                }
                if (path.startsWith("/openapi")) {
                    respond(exchange, 404, status(404, "NotFound", "the sandbox serves no OpenAPI document"));
                    return;
                }
            }
            Optional<ResourcePath> resource = ResourcePath.parse(path);
            Optional<ApiResource> known = resource.flatMap(r -> discovery().find(r.group(), r.version(), r.plural()));
            if (method.equals("GET") && known.isPresent() && resource.get().subresource() == null) {
                read(exchange, resource.get(), known.get(), query, table);
            } else {
                pass(exchange, method, path);
            }
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, status(400, "BadRequest", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("kubectl front: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(exchange, 500, status(500, "InternalError", e.toString()));
        }
    }

    private Optional<JsonNode> discovery(String path) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (path.equals("/version") || path.equals("/version/")) {
            return Optional.of(discovery().version());
        } else if (path.equals("/api") || path.equals("/api/")) {
            return Optional.of(discovery().coreVersions());
        } else if (path.equals("/apis") || path.equals("/apis/")) {
            return Optional.of(discovery().groups());
        } else if (parts.length == 2 && parts[0].equals("api")) {
            return discovery().resources("", parts[1]).map(JsonNode.class::cast);
        } else if (parts.length == 2 && parts[0].equals("apis")) {
            return discovery().group(parts[1]).map(JsonNode.class::cast);
        } else if (parts.length == 3 && parts[0].equals("apis")) {
            return discovery().resources(parts[1], parts[2]).map(JsonNode.class::cast);
        }
        return Optional.empty();
    }

    private Discovery discovery() {
        try {
            Upstream.Answer crds = upstream.get(CRDS);
            return Discovery.of(json, crds.ok() ? json.readTree(crds.body()).path("items") : json.createArrayNode());
        } catch (IOException e) {
            throw new UncheckedIOException("the mock did not list its CRDs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing CRDs", e);
        }
    }

    /** GET of a resource or a collection, or a watch of it. */
    private void read(
            HttpExchange exchange, ResourcePath path, ApiResource resource, Map<String, String> query, boolean table)
            throws IOException, InterruptedException {
        FieldSelector selector = FieldSelector.parse(query.get("fieldSelector"));
        boolean wholeObject = "Object".equals(query.get("includeObject"));
        Map<String, String> forwarded = new LinkedHashMap<>(query);
        forwarded.remove("fieldSelector");
        if ("true".equals(query.get("watch")) || "1".equals(query.get("watch"))) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            Optional<Duration> timeout = Optional.ofNullable(query.get("timeoutSeconds"))
                    .map(Long::parseLong)
                    .map(Duration::ofSeconds);
            long since = resourceVersion(query.get("resourceVersion"));
            new WatchRelay(json, event -> watchEvent(event, resource, selector, since, table, wholeObject))
                    .relay(
                            upstream,
                            path.collectionPath(resource.groupVersion()) + suffix(path) + encode(forwarded),
                            exchange.getResponseBody(),
                            timeout);
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        String resourceVersion = null;
        for (String source : sources(path, resource)) {
            Upstream.Answer answer = upstream.get(source + encode(forwarded));
            if (!answer.ok()) {
                if (source.equals(sources(path, resource).get(0))) {
                    relay(exchange, answer);
                    return;
                }
                continue;
            }
            JsonNode body = json.readTree(answer.body());
            if (!path.isCollection()) {
                ObjectNode object = normalized(body, resource);
                respond(
                        exchange,
                        200,
                        table ? tables.table(resource, List.of(object), null, wholeObject, clock.instant()) : object);
                return;
            }
            resourceVersion = body.path("metadata").path("resourceVersion").asText(null);
            for (JsonNode item : body.path("items")) {
                ObjectNode object = normalized(item, resource);
                // an Event the mock serves under both APIs is listed once
                String uid = object.path("metadata").path("uid").asText("");
                boolean seen = !uid.isEmpty()
                        && items.stream()
                                .anyMatch(i -> uid.equals(
                                        i.path("metadata").path("uid").asText()));
                if (selector.matches(object) && !seen) {
                    items.add(object);
                }
            }
        }
        if (table) {
            respond(exchange, 200, tables.table(resource, items, resourceVersion, wholeObject, clock.instant()));
            return;
        }
        ObjectNode list = json.createObjectNode();
        list.put("kind", resource.kind() + "List");
        list.put("apiVersion", resource.groupVersion());
        ObjectNode metadata = list.putObject("metadata");
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        respond(exchange, 200, list);
    }

    /**
     * Where the mock keeps a collection: itself, and for Events also the other Events API (the mock stores what was
     * posted where it was posted).
     */
    private static List<String> sources(ResourcePath path, ApiResource resource) {
        String own = path.collectionPath(resource.groupVersion()) + suffix(path);
        if (!path.isEvents() || !path.isCollection()) {
            return List.of(own);
        }
        String other = resource.group().isEmpty() ? EventVersions.EVENTS : EventVersions.CORE;
        return List.of(own, path.collectionPath(other));
    }

    private static String suffix(ResourcePath path) {
        return path.name() == null ? "" : "/" + path.name();
    }

    /**
     * The mock opens every watch with an ADDED event per existing object, whatever {@code resourceVersion} kubectl
     * watches from; a real server sends only what changed after it, so those older ADDED events are dropped.
     */
    private Optional<JsonNode> watchEvent(
            JsonNode event,
            ApiResource resource,
            FieldSelector selector,
            long since,
            boolean table,
            boolean wholeObject) {
        if (!(event.get("object") instanceof ObjectNode raw) || !event.has("type")) {
            return Optional.of(event);
        }
        ObjectNode object = normalized(raw, resource);
        boolean older = "ADDED".equals(event.path("type").asText())
                && resourceVersion(
                                object.path("metadata").path("resourceVersion").asText(null))
                        <= since;
        if (older || !selector.matches(object)) {
            return Optional.empty();
        }
        ObjectNode relayed = json.createObjectNode();
        relayed.put("type", event.path("type").asText());
        relayed.set(
                "object", table ? tables.table(resource, List.of(object), null, wholeObject, clock.instant()) : object);
        return Optional.of(relayed);
    }

    /** The object as the real server would serve it under {@code resource}. */
    private static ObjectNode normalized(JsonNode raw, ApiResource resource) {
        ObjectNode object =
                resource.kind().equals("Event") ? EventVersions.as(resource.groupVersion(), raw) : raw.deepCopy();
        if (!resource.kind().equals("Event")) {
            object.put("apiVersion", resource.groupVersion());
            object.put("kind", resource.kind());
        }
        ServerDefaults.apply(resource, object);
        return object;
    }

    /** A numeric resource version (the mock's are), or 0 for none or any other. */
    private static long resourceVersion(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void pass(HttpExchange exchange, String method, String path) throws IOException, InterruptedException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith(STRATEGIC)) {
            // the maps kubectl patches strategically (annotations, labels, restartedAt) merge alike under RFC 7386
            contentType = "application/merge-patch+json";
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        relay(
                exchange,
                upstream.send(
                        method,
                        path + (rawQuery == null ? "" : "?" + rawQuery),
                        Optional.ofNullable(contentType),
                        body));
    }

    private static void relay(HttpExchange exchange, Upstream.Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private void respond(HttpExchange exchange, int code, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode status(int code, String reason, String message) {
        ObjectNode status = json.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return status;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equal = pair.indexOf('=');
            String key = URLDecoder.decode(equal < 0 ? pair : pair.substring(0, equal), StandardCharsets.UTF_8);
            String value = equal < 0 ? "" : URLDecoder.decode(pair.substring(equal + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static String encode(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?"
                + query.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "KubectlFront[" + url() + "]";
    }
}
