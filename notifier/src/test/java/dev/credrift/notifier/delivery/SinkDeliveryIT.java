package dev.credrift.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.notifier.NodeLibrary;
import dev.credrift.notifier.Reports;
import dev.credrift.notifier.SignatureVerifier;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.config.RateLimit;
import dev.credrift.notifier.config.RetryPolicy;
import dev.credrift.notifier.config.SecretSource;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.config.SinkTimeouts;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.webhook.IdempotencyKey;
import dev.credrift.notifier.webhook.SignatureScheme;
import dev.credrift.notifier.webhook.StandardWebhookSignature;
import dev.credrift.notifier.webhook.WebhookSignature;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import dev.credrift.sandbox.webhook.SinkBehavior;
import dev.credrift.sandbox.webhook.WebhookSink;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One sink worker against the sandbox's webhook sink: retries, timeouts, refusals, isolation. */
class SinkDeliveryIT {

    private static final String KEY = "planted-signing-key-for-delivery";
    private static final String HOOK = "/hooks/audit";
    private static final String STANDARD_WEBHOOKS_VERSION = "1.3.0";
    private static final String NEW_SECRET = "whsec_"
            + Base64.getEncoder()
                    .encodeToString("planted-new-standard-webhooks-key-32".getBytes(StandardCharsets.UTF_8));
    private static final String OLD_SECRET = "whsec_"
            + Base64.getEncoder()
                    .encodeToString("planted-old-standard-webhooks-key-32".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_SECRET = "whsec_"
            + Base64.getEncoder()
                    .encodeToString("someone-elses-standard-webhooks-key!".getBytes(StandardCharsets.UTF_8));
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(50), 2.0, 0.2, Duration.ofMillis(400), Duration.ofSeconds(5));
    private static final SinkTimeouts SHORT = new SinkTimeouts(Duration.ofMillis(500), Duration.ofMillis(400));

    private Vertx vertx;
    private Context context;
    private WebhookSink sink;
    private final List<SinkWorker> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        sink = WebhookSink.start();
    }

    @AfterEach
    void stop() throws Exception {
        onContext(() -> {
            workers.forEach(SinkWorker::close);
            return Future.succeededFuture();
        });
        sink.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private SinkConfig webhook(String name, WebhookSink target, String path) {
        return webhook(name, target, path, KEY);
    }

    private SinkConfig webhook(String name, WebhookSink target, String path, String key) {
        return SinkConfig.webhook(
                        name,
                        SecretSource.value(SecretValue.of(target.uri(path).toString())),
                        SecretSource.value(SecretValue.of(key)))
                .withRetry(FAST)
                .withTimeouts(SHORT)
                .withRateLimit(new RateLimit(100, Duration.ofSeconds(1), 100));
    }

    private SinkWorker worker(SinkConfig config) {
        SinkWorker worker =
                new SinkWorker(vertx, config.resolve(name -> null), new MessageRenderer(), Clock.systemUTC());
        workers.add(worker);
        return worker;
    }

    private <T> T onContext(Supplier<Future<T>> action) throws Exception {
        return submitOnContext(action).get(30, TimeUnit.SECONDS);
    }

    private <T> CompletableFuture<T> submitOnContext(Supplier<Future<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> action.get().onComplete(done -> {
            if (done.succeeded()) {
                result.complete(done.result());
            } else {
                result.completeExceptionally(done.cause());
            }
        }));
        return result;
    }

    private DeliveryResult deliver(SinkWorker worker, Report report) throws Exception {
        return onContext(() -> worker.submit(report));
    }

    @Test
    void shouldSignEveryAttemptAndKeepTheIdempotencyKey() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.serverError(), 1);

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered(2, 200));
        List<ReceivedRequest> requests = sink.requests(HOOK);
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(SignatureVerifier.verify(
                            r.header(WebhookSignature.HEADER).orElse(null),
                            r.body(),
                            KEY,
                            Instant.now(),
                            Duration.ofMinutes(5)))
                    .isTrue();
            assertThat(r.header(IdempotencyKey.HEADER)).contains(IdempotencyKey.of("audit-hook", "e-1"));
            assertThat(r.header("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/cloudevents+json"));
        });
        assertThat(requests.get(0).bodyText()).isEqualTo(requests.get(1).bodyText());
    }

    @Test
    void shouldBeVerifiedByTheStandardWebhooksLibraryWhenSignedThatWay() throws Exception {
        NodeLibrary standardWebhooks = NodeLibrary.install("standardwebhooks", STANDARD_WEBHOOKS_VERSION);
        SinkWorker worker =
                worker(webhook("std-hook", sink, HOOK, NEW_SECRET).withSignature(SignatureScheme.STANDARD_WEBHOOKS));

        assertThat(deliver(worker, Reports.alert(LOKI, "e-7"))).isEqualTo(new DeliveryResult.Delivered(1, 200));

        ReceivedRequest request = sink.requests(HOOK).get(0);
        assertThat(request.header(StandardWebhookSignature.ID)).contains(IdempotencyKey.of("std-hook", "e-7"));
        assertThat(request.header(StandardWebhookSignature.SIGNATURE))
                .hasValueSatisfying(
                        v -> assertThat(v).matches("v1,[A-Za-z0-9+/]{43}=").doesNotContain(NEW_SECRET));
        assertThat(request.header(WebhookSignature.HEADER)).isEmpty();
        assertThat(verifyWithLibrary(standardWebhooks, NEW_SECRET, request, request.body())
                        .output())
                .contains("valid");
        assertThat(verifyWithLibrary(standardWebhooks, OLD_SECRET, request, request.body())
                        .output())
                .contains("invalid: No matching signature found");
        byte[] tampered = request.bodyText().replace("e-7", "e-8").getBytes(StandardCharsets.UTF_8);
        assertThat(verifyWithLibrary(standardWebhooks, NEW_SECRET, request, tampered)
                        .output())
                .contains("invalid: No matching signature found");
    }

    @Test
    void shouldSignWithBothKeysWhileAStandardWebhooksKeyIsRotated() throws Exception {
        NodeLibrary standardWebhooks = NodeLibrary.install("standardwebhooks", STANDARD_WEBHOOKS_VERSION);
        SinkWorker worker = worker(webhook("std-hook", sink, HOOK, NEW_SECRET + " " + OLD_SECRET)
                .withSignature(SignatureScheme.STANDARD_WEBHOOKS));

        deliver(worker, Reports.alert(LOKI, "e-9"));

        ReceivedRequest request = sink.requests(HOOK).get(0);
        assertThat(request.header(StandardWebhookSignature.SIGNATURE))
                .hasValueSatisfying(v -> assertThat(v.split(" "))
                        .hasSize(2)
                        .allSatisfy(signature -> assertThat(signature).startsWith("v1,")));
        // receivers that still hold the old secret and those that already have the new one both accept it
        NodeLibrary.Result withNew = verifyWithLibrary(standardWebhooks, NEW_SECRET, request, request.body());
        NodeLibrary.Result withOld = verifyWithLibrary(standardWebhooks, OLD_SECRET, request, request.body());
        assertThat(withNew.output()).as(withNew.output()).startsWith("valid");
        assertThat(withOld.output()).as(withOld.output()).startsWith("valid");
        assertThat(verifyWithLibrary(standardWebhooks, OTHER_SECRET, request, request.body())
                        .output())
                .contains("invalid");
    }

    @Test
    void shouldRefuseAStandardWebhooksSecretWithoutWhsecPrefixNamingTheSinkOnly() {
        SinkConfig config =
                webhook("std-hook", sink, HOOK, "planted-not-whsec").withSignature(SignatureScheme.STANDARD_WEBHOOKS);

        assertThatThrownBy(() -> config.resolve(name -> null))
                .isInstanceOf(InvalidNotifierConfig.class)
                .hasMessage("sink 'std-hook': signingKey the secret must start with 'whsec_' (Standard Webhooks)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("planted"));
    }

    // the library's own verify(): signature, and the timestamp within its 5-minute tolerance
    private static NodeLibrary.Result verifyWithLibrary(
            NodeLibrary library, String secret, ReceivedRequest request, byte[] body) throws Exception {
        String input = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "secret",
                        secret,
                        "body",
                        Base64.getEncoder().encodeToString(body),
                        "headers",
                        Map.of(
                                StandardWebhookSignature.ID,
                                request.header(StandardWebhookSignature.ID).orElse(""),
                                StandardWebhookSignature.TIMESTAMP,
                                request.header(StandardWebhookSignature.TIMESTAMP)
                                        .orElse(""),
                                StandardWebhookSignature.SIGNATURE,
                                request.header(StandardWebhookSignature.SIGNATURE)
                                        .orElse(""))));
        return library.script("""
                const { Webhook } = require("standardwebhooks");
                let input = "";
                process.stdin.on("data", chunk => input += chunk);
                process.stdin.on("end", () => {
                  const { secret, body, headers } = JSON.parse(input);
                  try {
                    new Webhook(secret).verify(Buffer.from(body, "base64"), headers);
                    console.log("valid");
                  } catch (e) {
                    console.log("invalid: " + e.message);
                  }
                });
                """, input);
    }

    @Test
    void shouldHonourRetryAfterWhenRateLimited() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.rateLimited(Duration.ofSeconds(1)), 1);

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered(2, 200));
        List<ReceivedRequest> requests = sink.requests(HOOK);
        assertThat(requests).extracting(ReceivedRequest::status).containsExactly(429, 200);
        // the backoff alone would have waited about 50 ms
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void shouldRetry500UntilTheLastAttemptAndThenGiveUp() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.serverError());

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(4);
            assertThat(failed.error().code()).isEqualTo(DeliveryError.Code.HTTP_5XX);
            assertThat(failed.error().httpStatus()).isEqualTo(500);
        });
        assertThat(sink.requests(HOOK)).hasSize(4);
    }

    @Test
    void shouldNotRetryA4xxOtherThan408And429() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.status(404));

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.error().code()).isEqualTo(DeliveryError.Code.HTTP_4XX);
        });
        assertThat(sink.requests(HOOK)).hasSize(1);
    }

    @Test
    void shouldRetryA408() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.status(408), 2);

        assertThat(deliver(worker, Reports.alert(LOKI, "e-1"))).isEqualTo(new DeliveryResult.Delivered(3, 200));
    }

    @Test
    void shouldTimeOutASinkThatHangsAndTryAgain() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.hang(), 1);

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered(2, 200));
        List<ReceivedRequest> requests = sink.requests(HOOK);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void shouldDeliverTwiceWithTheSameIdempotencyKeyWhenTheSinkTookTheMessageButAnsweredAfterTheTimeout()
            throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        // the receiver acts on the first POST but its 200 comes after our 400 ms request timeout
        sink.respond(HOOK, SinkBehavior.okLate(Duration.ofMillis(1500)), 1);

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        // at-least-once: a timed-out attempt may have been taken, so it is retried; only the key lets the receiver tell
        assertThat(result).isEqualTo(new DeliveryResult.Delivered(2, 200));
        List<ReceivedRequest> accepted = sink.accepted(HOOK);
        assertThat(accepted)
                .hasSize(2)
                .allSatisfy(r ->
                        assertThat(r.header(IdempotencyKey.HEADER)).contains(IdempotencyKey.of("audit-hook", "e-1")));
        assertThat(accepted.get(0).bodyText()).isEqualTo(accepted.get(1).bodyText());
    }

    @Test
    void shouldGiveUpOnASinkThatAlwaysHangsWithATimeout() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.hang());

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        DeliveryResult.Failed.class,
                        failed -> assertThat(failed.error().code()).isEqualTo(DeliveryError.Code.TIMEOUT));
        assertThat(sink.requests(HOOK)).hasSize(4);
    }

    @Test
    void shouldTryAgainWhenTheSinkDropsTheConnection() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.respond(HOOK, SinkBehavior.closeConnection(), 1);

        assertThat(deliver(worker, Reports.alert(LOKI, "e-1"))).isEqualTo(new DeliveryResult.Delivered(2, 200));
    }

    @Test
    void shouldRetryARefusedConnectionUntilTheSinkIsBack() throws Exception {
        SinkConfig config = webhook("audit-hook", sink, HOOK)
                .withRetry(new RetryPolicy(
                        10, Duration.ofMillis(100), 1.5, 0.2, Duration.ofMillis(300), Duration.ofSeconds(5)));
        SinkWorker worker = worker(config);
        sink.stop();

        CompletableFuture<DeliveryResult> pending = submitOnContext(() -> worker.submit(Reports.alert(LOKI, "e-1")));
        vertx.setTimer(600, t -> sink.resume());

        DeliveryResult result = pending.get(30, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(result.attempts()).isGreaterThan(1);
        assertThat(sink.accepted(HOOK)).hasSize(1);
    }

    @Test
    void shouldGiveUpWithConnectionRefusedWhenTheSinkStaysDown() throws Exception {
        SinkWorker worker = worker(webhook("audit-hook", sink, HOOK));
        sink.stop();

        DeliveryResult result = deliver(worker, Reports.alert(LOKI, "e-1"));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(4);
            assertThat(failed.error().code()).isEqualTo(DeliveryError.Code.CONNECTION_REFUSED);
        });
    }

    @Test
    void shouldNotDelayOtherSinksWhenOneHangs() throws Exception {
        sink.respond("/hooks/stuck", SinkBehavior.hang());
        // two attempts of 1.2 s each: the first stuck message cannot end before 2.4 s
        SinkWorker stuck = worker(webhook("stuck-hook", sink, "/hooks/stuck")
                .withRetry(FAST.withMaxAttempts(2))
                .withTimeouts(new SinkTimeouts(Duration.ofMillis(500), Duration.ofMillis(1200))));
        SinkWorker healthy = worker(webhook("healthy-hook", sink, HOOK));
        List<CompletableFuture<DeliveryResult>> stuckResults = new ArrayList<>();
        List<CompletableFuture<DeliveryResult>> healthyResults = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            Report report = Reports.alert(BindingId.of("monitoring", "b" + i), "e-" + i);
            stuckResults.add(submitOnContext(() -> stuck.submit(report)));
            healthyResults.add(submitOnContext(() -> healthy.submit(report)));
        }

        // three hanging messages, in order, take over 7 s: the healthy ones must not wait for them
        await().atMost(Duration.ofMillis(2000))
                .until(() -> healthyResults.stream().allMatch(CompletableFuture::isDone));
        assertThat(stuckResults).noneMatch(CompletableFuture::isDone);
        for (CompletableFuture<DeliveryResult> result : healthyResults) {
            assertThat(result.get()).isInstanceOf(DeliveryResult.Delivered.class);
        }
        assertThat(sink.accepted(HOOK)).hasSize(3);
        // nothing lost: the stuck sink's messages each end, in order, as failures
        for (CompletableFuture<DeliveryResult> result : stuckResults) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(DeliveryResult.Failed.class);
        }
    }

    @Test
    void shouldHoldToTheSinksRateLimit() throws Exception {
        SinkWorker worker =
                worker(webhook("audit-hook", sink, HOOK).withRateLimit(new RateLimit(2, Duration.ofSeconds(1), 1)));
        List<CompletableFuture<DeliveryResult>> results = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            Report report = Reports.alert(BindingId.of("monitoring", "b" + i), "e-" + i);
            results.add(submitOnContext(() -> worker.submit(report)));
        }
        for (CompletableFuture<DeliveryResult> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(DeliveryResult.Delivered.class);
        }

        List<ReceivedRequest> requests = sink.requests(HOOK);
        assertThat(Duration.between(requests.get(0).at(), requests.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void shouldPostSlackMessagesAsJsonWithoutASignature() throws Exception {
        SinkConfig slack = SinkConfig.slack(
                        "slack-oncall",
                        SecretSource.value(
                                SecretValue.of(sink.uri("/services/T0/B0/x").toString())))
                .withRetry(FAST)
                .withTimeouts(SHORT);
        SinkWorker worker = worker(slack);

        assertThat(deliver(worker, Reports.alert(LOKI, "e-1"))).isEqualTo(new DeliveryResult.Delivered(1, 200));

        ReceivedRequest request = sink.requests("/services/T0/B0/x").get(0);
        assertThat(request.header("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(request.header(WebhookSignature.HEADER)).isEmpty();
        assertThat(request.bodyText()).contains("\"blocks\"");
    }
}
