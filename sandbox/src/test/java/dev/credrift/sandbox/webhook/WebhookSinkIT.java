package dev.credrift.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSinkIT {

    private static final String SLACK = "/services/T000/B000/slack";
    private static final String HOOK = "/hooks/audit";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WebhookSink sink;

    @BeforeEach
    void start() {
        sink = WebhookSink.start();
    }

    @AfterEach
    void close() {
        sink.close();
    }

    @Test
    void shouldRecordMethodPathHeadersAndBodyWhenPosted() throws Exception {
        HttpResponse<String> response = post(sink.uri(SLACK), "{\"text\":\"hi\"}", "X-Credrift-Signature", "t=1,v1=ab");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(sink.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(SLACK);
            assertThat(r.header("x-credrift-signature")).contains("t=1,v1=ab");
            assertThat(r.bodyText()).isEqualTo("{\"text\":\"hi\"}");
            assertThat(r.status()).isEqualTo(200);
        });
    }

    @Test
    void shouldAnswer429WithRetryAfterOnlyOnThatPathWhenToldOnce() throws Exception {
        sink.respond(SLACK, SinkBehavior.rateLimited(Duration.ofSeconds(2)), 1);

        HttpResponse<String> first = post(sink.uri(SLACK), "a");
        HttpResponse<String> other = post(sink.uri(HOOK), "b");
        HttpResponse<String> second = post(sink.uri(SLACK), "c");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("2");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(sink.requests(SLACK)).extracting(ReceivedRequest::status).containsExactly(429, 200);
        assertThat(sink.accepted(SLACK)).extracting(ReceivedRequest::bodyText).containsExactly("c");
    }

    @Test
    void shouldAnswer500UntilClearedWhenToldForever() throws Exception {
        sink.respond(HOOK, SinkBehavior.serverError());

        assertThat(post(sink.uri(HOOK), "a").statusCode()).isEqualTo(500);
        assertThat(post(sink.uri(HOOK), "b").statusCode()).isEqualTo(500);
        sink.clearBehaviors();
        assertThat(post(sink.uri(HOOK), "c").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNeverAnswerWhenToldToHang() {
        sink.respond(HOOK, SinkBehavior.hang());

        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(sink.uri(HOOK))
                                .timeout(Duration.ofMillis(500))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sink.requests(HOOK))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isZero());
    }

    @Test
    void shouldCountARequestAsAcceptedAtOnceButAnswerOnlyAfterTheDelayWhenToldToBeLate() throws Exception {
        sink.respond(HOOK, SinkBehavior.okLate(Duration.ofMillis(700)), 1);

        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(sink.uri(HOOK))
                                .timeout(Duration.ofMillis(300))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sink.accepted(HOOK)).extracting(ReceivedRequest::bodyText).containsExactly("x");

        sink.respond(HOOK, SinkBehavior.okLate(Duration.ofMillis(300)), 1);
        long before = System.nanoTime();
        HttpResponse<String> patient = post(sink.uri(HOOK), "y");
        assertThat(patient.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldDropTheConnectionWhenToldToClose() {
        sink.respond(HOOK, SinkBehavior.closeConnection());

        assertThatThrownBy(() -> post(sink.uri(HOOK), "x")).isInstanceOf(IOException.class);
        assertThat(sink.requests(HOOK)).hasSize(1);
    }

    @Test
    void shouldRefuseConnectionsWhenStoppedAndServeAgainOnTheSamePortWhenResumed() throws Exception {
        int port = sink.port();
        sink.stop();

        assertThat(sink.listening()).isFalse();
        assertThatThrownBy(() -> post(sink.uri(HOOK), "x")).isInstanceOf(ConnectException.class);

        sink.resume();
        assertThat(sink.port()).isEqualTo(port);
        assertThat(post(sink.uri(HOOK), "y").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRejectAPathWithoutLeadingSlash() {
        assertThatThrownBy(() -> sink.uri("hooks")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sink.respond("hooks", SinkBehavior.ok())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRecordStandardWebhooksSignaturesAsValidInvalidOrAbsent() throws Exception {
        // the test vector published with the Standard Webhooks libraries (standard-webhooks/standard-webhooks)
        Instant signedAt = Instant.ofEpochSecond(1614265330);
        try (WebhookSink signed = WebhookSink.start(0, Clock.fixed(signedAt, ZoneOffset.UTC))) {
            signed.expectSignature(HOOK, ReceiverSignature.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
            String body = "{\"test\": 2432232314}";
            String[] headers = {"webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp", "1614265330"};

            post(
                    signed.uri(HOOK),
                    body,
                    with(
                            headers,
                            "webhook-signature",
                            "v1,bm9ldHZhbGlk v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
            post(
                    signed.uri(HOOK),
                    body.replace("2432232314", "1"),
                    with(headers, "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
            post(signed.uri(HOOK), body, headers);

            assertThat(signed.requests(HOOK))
                    .map(r -> r.signature().orElseThrow().result())
                    .containsExactly(
                            SignatureVerdict.Result.VALID,
                            SignatureVerdict.Result.INVALID,
                            SignatureVerdict.Result.ABSENT);
            assertThat(signed.requests(HOOK).get(0).signature()).hasValueSatisfying(v -> {
                assertThat(v.scheme()).isEqualTo("standard-webhooks");
                assertThat(v.header()).startsWith("v1,bm9ldHZhbGlk ");
            });
        }
    }

    @Test
    void shouldRecordCredriftSignaturesAndRefuseAStaleTimestamp() throws Exception {
        // HMAC-SHA256(key "key", "0.") computed independently (openssl dgst -sha256 -hmac key)
        String header = "t=0,v1=85841b4efc3cd7776c3c8f9b7cca9e281c550e5d19889d78e9e669c6337f000d";
        try (WebhookSink fresh = WebhookSink.start(0, Clock.fixed(Instant.ofEpochSecond(299), ZoneOffset.UTC));
                WebhookSink late = WebhookSink.start(0, Clock.fixed(Instant.ofEpochSecond(301), ZoneOffset.UTC))) {
            fresh.expectSignature(HOOK, ReceiverSignature.credrift("key"));
            late.expectSignature(HOOK, ReceiverSignature.credrift("key"));

            post(fresh.uri(HOOK), "", "X-Credrift-Signature", header);
            post(late.uri(HOOK), "", "X-Credrift-Signature", header);
            post(fresh.uri(SLACK), "");

            assertThat(fresh.requests(HOOK))
                    .singleElement()
                    .satisfies(r -> assertThat(r.signature())
                            .contains(new SignatureVerdict("credrift", SignatureVerdict.Result.VALID, header, "")));
            assertThat(late.requests(HOOK).get(0).signature().orElseThrow().reason())
                    .contains("more than 5 minutes");
            assertThat(fresh.requests(SLACK).get(0).signature())
                    .as("no signature expected on that path")
                    .isEmpty();
        }
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    private HttpResponse<String> post(URI uri, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
