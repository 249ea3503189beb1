package dev.credrift.sandbox.sts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an STS stand-in: a JDK HTTP server on 127.0.0.1 that collects the request's parameters from the
 * query string and a form body ({@code application/x-www-form-urlencoded}), as both STS APIs accept, and writes the
 * answer. Parameters (which hold the token) are never logged.
 */
final class StsHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StsHttp.class);
    private static final int MAX_BODY = 64 * 1024;

    /** An answer: status, content type, body. */
    record Reply(int status, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String name;

    StsHttp(String name, Function<Map<String, String>, Reply> handler) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(name + " cannot listen on 127.0.0.1", e);
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, handler));
        server.start();
        LOG.debug("{} listening on {}", name, endpoint());
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange, Function<Map<String, String>, Reply> handler) throws IOException {
        Reply reply;
        try {
            Map<String, String> params = new LinkedHashMap<>();
            parse(exchange.getRequestURI().getRawQuery(), params);
            if ("POST".equals(exchange.getRequestMethod())) {
                parse(body(exchange.getRequestBody()), params);
            }
            reply = handler.apply(params);
        } catch (RuntimeException e) {
            LOG.warn("{}: request failed: {}", name, e.getClass().getSimpleName());
            reply = new Reply(500, "text/plain", "internal error");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("request body over " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
