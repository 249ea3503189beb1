package dev.credrift.notifier.it;

import static dev.credrift.notifier.it.Harness.await;
import static dev.credrift.notifier.it.Harness.fast;
import static dev.credrift.notifier.it.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.notifier.NotifierEnvironment;
import dev.credrift.notifier.NotifyTest;
import dev.credrift.notifier.SignatureVerifier;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.config.SecretSource;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.delivery.DeliveryError;
import dev.credrift.notifier.delivery.DeliveryResult;
import dev.credrift.notifier.routing.BindingLabels;
import dev.credrift.notifier.webhook.WebhookSignature;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import dev.credrift.sandbox.webhook.SinkBehavior;
import dev.credrift.sandbox.webhook.WebhookSink;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code credrift notify test --sink NAME}: one sample message, one attempt, the sink's answer. */
class NotifyTestIT {

    private static final String KEY = "planted-notify-test-key";

    private Vertx vertx;
    private WebhookSink sink;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sink = WebhookSink.start();
    }

    @AfterEach
    void stop() throws Exception {
        sink.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static SecretSource value(String text) {
        return SecretSource.value(SecretValue.of(text));
    }

    @Test
    void shouldSendASampleSlackMessage() throws Exception {
        SinkConfig slack = fast(SinkConfig.slack(
                "slack-oncall", value(sink.uri("/services/T/B/x").toString())));

        DeliveryResult result = await(NotifyTest.send(vertx, slack));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered(1, 200));
        JsonNode message = json(sink.requests("/services/T/B/x").get(0));
        assertThat(message.get("text").asText()).isEqualTo("credrift test message: the sink works");
        assertThat(message.toString()).contains("sink `slack-oncall` works");
    }

    @Test
    void shouldSendASignedSampleCloudEventThatReceiversCanRecognise() throws Exception {
        SinkConfig hook =
                fast(SinkConfig.webhook("audit-hook", value(sink.uri("/hooks/a").toString()), value(KEY)));

        DeliveryResult result = await(NotifyTest.send(vertx, hook));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        ReceivedRequest request = sink.requests("/hooks/a").get(0);
        assertThat(SignatureVerifier.verify(
                        request.header(WebhookSignature.HEADER).orElse(null),
                        request.body(),
                        KEY,
                        Instant.now(),
                        Duration.ofMinutes(5)))
                .isTrue();
        JsonNode event = json(request);
        assertThat(event.get("source").asText()).isEqualTo(NotifyTest.SAMPLE_SOURCE.toString());
        assertThat(event.get("subject").asText()).isEqualTo("credrift/notify-test");
        assertThat(event.get("data").get("driftClass").asText()).isEqualTo("IN_SYNC");
    }

    @Test
    void shouldReportTheSinksAnswerAfterOneAttempt() throws Exception {
        sink.respond("/hooks/a", SinkBehavior.serverError());
        SinkConfig hook =
                fast(SinkConfig.webhook("audit-hook", value(sink.uri("/hooks/a").toString()), value(KEY)));

        DeliveryResult result = await(NotifyTest.send(vertx, hook));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.error().code()).isEqualTo(DeliveryError.Code.HTTP_5XX);
            assertThat(failed.error().detail()).isEqualTo("the sink answered HTTP 500");
        });
        assertThat(sink.requests("/hooks/a")).hasSize(1);
    }

    @Test
    void shouldReportARefusedConnection() throws Exception {
        SinkConfig hook =
                fast(SinkConfig.webhook("audit-hook", value(sink.uri("/hooks/a").toString()), value(KEY)));
        sink.stop();

        DeliveryResult result = await(NotifyTest.send(vertx, hook));

        assertThat(result)
                .isInstanceOfSatisfying(
                        DeliveryResult.Failed.class,
                        failed -> assertThat(failed.error().code()).isEqualTo(DeliveryError.Code.CONNECTION_REFUSED));
    }

    @Test
    void shouldFailWithATypedErrorWhenTheSinksSecretIsMissing() {
        SinkConfig hook = SinkConfig.webhook("audit-hook", SecretSource.env("AUDIT_HOOK_URL"), value(KEY));

        assertThat(NotifyTest.send(
                                vertx,
                                hook,
                                new NotifierEnvironment(Clock.systemUTC(), BindingLabels.NONE, name -> null))
                        .toCompletionStage()
                        .toCompletableFuture())
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOf(InvalidNotifierConfig.class)
                .withMessage("sink 'audit-hook': url is not set: environment variable AUDIT_HOOK_URL is missing");
    }
}
