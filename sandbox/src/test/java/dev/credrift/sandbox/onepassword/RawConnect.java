package dev.credrift.sandbox.onepassword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

// Raw HTTP against the emulator, so tests can send exactly what a careless client would.
final class RawConnect {

    private final HttpClient http;
    private final URI base;
    private String token;

    RawConnect(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    RawConnect(OnePasswordConnectEmulator emulator) {
        this(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                emulator.baseUri(),
                emulator.token().reveal());
    }

    void token(String token) {
        this.token = token;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> send(String method, String path, String jsonBody) {
        return send(method, path, jsonBody, Duration.ofSeconds(10));
    }

    HttpResponse<String> send(String method, String path, String jsonBody, Duration timeout) {
        return send(method, path, jsonBody, timeout, "application/json");
    }

    HttpResponse<String> send(String method, String path, String jsonBody, Duration timeout, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", accept)
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
