package dev.credrift.sandbox.kube.front;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The mock API server behind the front, spoken to with the JDK HTTP client: plain requests, and watches, which the
 * mock serves only over WebSocket.
 */
final class Upstream {

    /** A response from the mock. */
    record Answer(int status, String contentType, byte[] body) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    Upstream(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A GET of {@code pathAndQuery} as JSON. */
    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, Optional.empty(), new byte[0]);
    }

    /** Any request, passed on as it came (but for its content type, when given). */
    Answer send(String method, String pathAndQuery, Optional<String> contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        contentType.ifPresent(type -> request.header("Content-Type", type));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    /** Opens the mock's WebSocket watch on {@code pathAndQuery} (which carries {@code watch=true}). */
    CompletableFuture<WebSocket> watch(String pathAndQuery, WebSocket.Listener listener) {
        URI uri = URI.create("ws://" + base.getAuthority()).resolve(pathAndQuery);
        return http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, listener);
    }
}
