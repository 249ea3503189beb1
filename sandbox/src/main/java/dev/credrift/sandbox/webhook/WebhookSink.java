package dev.credrift.sandbox.webhook;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server on 127.0.0.1 that plays a Slack incoming webhook or a generic webhook receiver:
 * it accepts any method on any path, records the request ({@link #requests()}) and answers
 * {@code 200 ok} unless told otherwise for that path ({@link #respond}). It can also stop listening
 * ({@link #stop()}: connections are refused) and listen again on the same port ({@link #resume()}).
 *
 * <pre>{@code
 * try (WebhookSink sink = WebhookSink.start()) {
 *     URI slack = sink.uri("/services/T000/B000/slack");
 *     sink.respond("/services/T000/B000/slack", SinkBehavior.rateLimited(Duration.ofSeconds(1)), 1);
 *     ... // the notifier posts twice; the second post is answered 200
 *     assertThat(sink.requests("/services/T000/B000/slack")).hasSize(2);
 * }
 * }</pre>
 *
 * <p>Refusing connections is all-or-nothing for one server, since the path is only known once a
 * connection is accepted; to refuse one sink while others work, give that sink its own instance.
 */
public final class WebhookSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    private final Vertx vertx;
    private final Clock clock;
    private final BehaviorRules rules = new BehaviorRules();
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ReceiverSignature> signatures = new ConcurrentHashMap<>();
    private final List<Consumer<ReceivedRequest>> listeners = new CopyOnWriteArrayList<>();
    // touched on the sink's single event loop only
    private final List<HttpServerRequest> hanging = new ArrayList<>();
    private final int port;
    private volatile HttpServer server;

    private WebhookSink(Vertx vertx, Clock clock, HttpServer server) {
        this.vertx = vertx;
        this.clock = clock;
        this.server = server;
        this.port = server.actualPort();
    }

    /** A sink on a free port. */
    public static WebhookSink start() {
        return start(0, Clock.systemUTC());
    }

    /**
     * A sink on a given port (0: a free one), stamping requests with {@code clock}.
     *
     * @throws IllegalStateException if the server cannot listen
     */
    public static WebhookSink start(int port, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        // one event loop is plenty for a test server and keeps the footprint small
        Vertx vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        WebhookSink[] self = new WebhookSink[1];
        try {
            HttpServer server = await(listen(vertx, port, request -> self[0].handle(request)));
            self[0] = new WebhookSink(vertx, clock, server);
            return self[0];
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    // ---- where to reach it ----

    /** The server root, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The absolute URI of a path on this sink; the path must start with {@code /}. */
    public URI uri(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        return URI.create(baseUri() + path);
    }

    /** The port it listens on (kept across {@link #stop()} and {@link #resume()}). */
    public int port() {
        return port;
    }

    // ---- how it answers ----

    /** Every request to {@code path} is checked as a receiver holding this key would; see {@link ReceivedRequest#signature()}. */
    public void expectSignature(String path, ReceiverSignature signature) {
        signatures.put(requirePath(path), Objects.requireNonNull(signature, "signature"));
    }

    /** Requests to {@code path} get {@code behavior} until {@link #clearBehaviors()}. */
    public void respond(String path, SinkBehavior behavior) {
        rules.add(requirePath(path), Objects.requireNonNull(behavior, "behavior"), BehaviorRules.forever());
    }

    /** The next {@code times} requests to {@code path} get {@code behavior}; then earlier rules apply again. */
    public void respond(String path, SinkBehavior behavior, int times) {
        rules.add(requirePath(path), Objects.requireNonNull(behavior, "behavior"), times);
    }

    /** Requests to any path get {@code behavior} until {@link #clearBehaviors()} (path rules added later win). */
    public void respondToAll(SinkBehavior behavior) {
        rules.add(null, Objects.requireNonNull(behavior, "behavior"), BehaviorRules.forever());
    }

    /** Back to {@code 200 ok} everywhere; requests left hanging get their connection closed. */
    public void clearBehaviors() {
        rules.clear();
        await(runOnLoop(this::releaseHanging));
    }

    /** Stops listening: new connections are refused, hanging requests are cut off. */
    public void stop() {
        HttpServer current = server;
        if (current == null) {
            return;
        }
        server = null;
        await(runOnLoop(this::releaseHanging).compose(v -> current.close()));
    }

    /** Listens again on the same port after {@link #stop()}. */
    public void resume() {
        if (server != null) {
            return;
        }
        server = await(listen(vertx, port, this::handle));
    }

    /** Whether it is listening. */
    public boolean listening() {
        return server != null;
    }

    // ---- what it received ----

    /** Every request so far, in arrival order. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one path, in arrival order. */
    public List<ReceivedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests to one path that were answered with 2xx. */
    public List<ReceivedRequest> accepted(String path) {
        return requests(path).stream().filter(ReceivedRequest::accepted).toList();
    }

    /**
     * Hands {@code listener} every request received so far, then each new one as it arrives (on the sink's event
     * loop, in arrival order) — for whoever records them as they come, like the sandbox's {@code --out} files.
     */
    public void onRequest(Consumer<ReceivedRequest> listener) {
        synchronized (requests) {
            requests.forEach(listener);
            listeners.add(listener);
        }
    }

    private void record(ReceivedRequest request) {
        synchronized (requests) {
            requests.add(request);
            for (Consumer<ReceivedRequest> listener : listeners) {
                try {
                    listener.accept(request);
                } catch (RuntimeException e) {
                    // a listener's trouble must not keep the sink from answering credrift
                    LOG.warn("webhook sink: a request listener failed: {}", e.toString());
                }
            }
        }
    }

    /** Forgets the request log. */
    public void clearRequests() {
        requests.clear();
    }

    /** Stops the server and its Vert.x instance. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            await(vertx.close());
        }
    }

    @Override
    public String toString() {
        return "WebhookSink[" + baseUri() + (listening() ? "" : ", stopped") + "]";
    }

    private void handle(HttpServerRequest request) {
        String method = request.method().name();
        String path = request.path();
        Map<String, List<String>> headers = headers(request.headers());
        request.body().onComplete(read -> {
            byte[] body = read.succeeded() ? read.result().getBytes() : new byte[0];
            SinkBehavior behavior = rules.take(path).orElse(SinkBehavior.ok());
            ReceiverSignature expected = signatures.get(path);
            SignatureVerdict verdict = expected == null ? null : expected.check(headers, body, clock.instant());
            if (behavior instanceof SinkBehavior.Respond respond) {
                record(new ReceivedRequest(clock.instant(), method, path, headers, body, respond.status(), verdict));
                answer(request, respond);
            } else if (behavior instanceof SinkBehavior.Late late) {
                record(new ReceivedRequest(
                        clock.instant(),
                        method,
                        path,
                        headers,
                        body,
                        late.answer().status(),
                        verdict));
                vertx.setTimer(late.delay().toMillis(), t -> answer(request, late.answer()));
            } else if (behavior instanceof SinkBehavior.Hang) {
                record(new ReceivedRequest(clock.instant(), method, path, headers, body, 0, verdict));
                hanging.add(request);
            } else {
                record(new ReceivedRequest(clock.instant(), method, path, headers, body, 0, verdict));
                request.connection().close();
            }
        });
    }

    private static void answer(HttpServerRequest request, SinkBehavior.Respond respond) {
        // a late answer finds the connection gone when the client gave up first
        if (request.response().closed()) {
            return;
        }
        respond.headers().forEach(request.response()::putHeader);
        request.response().setStatusCode(respond.status()).end(Buffer.buffer(respond.body()));
    }

    private void releaseHanging() {
        for (HttpServerRequest request : hanging) {
            request.connection().close();
        }
        hanging.clear();
    }

    private Future<Void> runOnLoop(Runnable action) {
        return Future.future(promise -> vertx.runOnContext(v -> {
            action.run();
            promise.complete();
        }));
    }

    private static Future<HttpServer> listen(Vertx vertx, int port, Handler<HttpServerRequest> handler) {
        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setReuseAddress(true))
                .requestHandler(handler)
                .listen();
    }

    private static Map<String, List<String>> headers(MultiMap multiMap) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : multiMap) {
            headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    private static String requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        return path;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the webhook sink", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("webhook sink did not start or stop: " + e.getMessage(), e);
        }
    }
}
