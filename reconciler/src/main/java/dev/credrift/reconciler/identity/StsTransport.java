package dev.credrift.reconciler.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * POSTs a form to an STS endpoint and returns status and body. Failures to get an answer become
 * {@link StsUnavailable} naming the endpoint only (the form holds the token).
 */
final class StsTransport {

    /** Status and body of an answer. */
    record Answer(int status, String body) {}

    private static final int MAX_BODY = 256 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    StsTransport(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    static StsTransport defaults() {
        return new StsTransport(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                Duration.ofSeconds(15));
    }

    Answer post(URI endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json, text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            if (bytes.length > MAX_BODY) {
                throw new StsUnavailable("STS " + endpoint + " answered with over " + MAX_BODY + " bytes", false);
            }
            return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new StsUnavailable("STS " + endpoint + " did not answer within " + timeout.toSeconds() + " s", false);
        } catch (IOException e) {
            throw new StsUnavailable(
                    "STS " + endpoint + " is unreachable (" + e.getClass().getSimpleName() + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StsUnavailable("interrupted while calling STS " + endpoint, false);
        } catch (IllegalArgumentException e) {
            throw new StsUnavailable("STS endpoint " + endpoint + " is not usable", false);
        }
    }
}
