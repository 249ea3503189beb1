package dev.credrift.notifier.it;

import static dev.credrift.notifier.it.Harness.await;
import static dev.credrift.notifier.it.Harness.fast;
import static dev.credrift.notifier.it.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.notifier.Notifier;
import dev.credrift.notifier.NotifierConfig;
import dev.credrift.notifier.SignatureVerifier;
import dev.credrift.notifier.Story;
import dev.credrift.notifier.config.RateLimit;
import dev.credrift.notifier.config.SecretSource;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.webhook.IdempotencyKey;
import dev.credrift.notifier.webhook.WebhookSignature;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import dev.credrift.sandbox.webhook.WebhookSink;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A broker restart mid-stream: every outcome is delivered, and any delivery made twice carries the
 * same idempotency key. Uses its own broker (same ports and data across the restart).
 */
class BrokerRestartIT {

    private static final String KEY = "planted-signing-key-restart";
    private static final String PATH = "/hooks/restart";

    @Test
    void shouldDeliverEveryOutcomeAcrossABrokerRestartWithStableIdempotencyKeys() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RestartableKafka kafka = RestartableKafka.start();
                KafkaIo io = new KafkaIo(kafka.bootstrapServers());
                WebhookSink sink = WebhookSink.start()) {
            Topics topics = Topics.withPrefix("restart");
            String outcomes = topics.name(Topic.OUTCOMES);
            io.createTopics(2, outcomes);
            io.createTopics(1, topics.name(Topic.DEADLETTER));
            SinkConfig hook = fast(SinkConfig.webhook(
                            "audit-hook",
                            SecretSource.value(SecretValue.of(sink.uri(PATH).toString())),
                            SecretSource.value(SecretValue.of(KEY))))
                    // two a second: the first batch is still being delivered when the broker goes away
                    .withRateLimit(new RateLimit(2, Duration.ofSeconds(1), 1));
            NotifierConfig config = NotifierConfig.of(List.of(hook))
                    .withTopics(topics)
                    .withGroupId("restart-notifier")
                    .withKafka(Map.of("auto.offset.reset", "earliest", "reconnect.backoff.max.ms", "500"))
                    .withCommitInterval(Duration.ofMillis(300));
            Notifier notifier = await(Notifier.start(vertx, config, kafka.bootstrapServers()));

            Set<String> expected = new HashSet<>();
            expected.addAll(produce(io, outcomes, "before", 10));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> deliveredIds(sink).size() >= 3);

            kafka.stop();
            assertThat(deliveredIds(sink))
                    .as("delivered when the broker stopped")
                    .hasSizeLessThan(10);
            // the notifier keeps running through the outage
            await().pollDelay(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(4))
                    .until(() -> true);
            kafka.startAgain();
            expected.addAll(produce(io, outcomes, "after", 10));

            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(deliveredIds(sink)).containsAll(expected));
            assertThat(deliveredIds(sink)).hasSize(20);

            Map<String, List<ReceivedRequest>> byEvent = sink.requests(PATH).stream()
                    .collect(Collectors.groupingBy(r -> json(r).get("id").asText()));
            for (Map.Entry<String, List<ReceivedRequest>> deliveries : byEvent.entrySet()) {
                assertThat(deliveries.getValue())
                        .as("deliveries of %s", deliveries.getKey())
                        .extracting(r -> r.header(IdempotencyKey.HEADER).orElseThrow())
                        .containsOnly(IdempotencyKey.of("audit-hook", deliveries.getKey()));
                assertThat(deliveries.getValue())
                        .allSatisfy(r -> assertThat(SignatureVerifier.verify(
                                        r.header(WebhookSignature.HEADER).orElse(null),
                                        r.body(),
                                        KEY,
                                        Instant.now(),
                                        Duration.ofMinutes(5)))
                                .isTrue());
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(io.committed("restart-notifier", outcomes))
                            .isEqualTo(io.endOffsets(outcomes)));
            await(notifier.stop());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Healed remediations for distinct bindings; returns the ids of the events that end them. */
    private static List<String> produce(KafkaIo io, String topic, String prefix, int count) throws Exception {
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Story story = Story.healed(prefix + i, BindingId.of("monitoring", prefix + "-" + i));
            io.sendAll(topic, story.events());
            ends.add(story.events().get(story.events().size() - 2).id());
        }
        return ends;
    }

    private static Set<String> deliveredIds(WebhookSink sink) {
        return sink.accepted(PATH).stream().map(r -> json(r).get("id").asText()).collect(Collectors.toSet());
    }
}
