package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kafka.RecordProducer;
import dev.credrift.sandbox.webhook.WebhookSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out}: each record lands in its file as it arrives, while the world still runs (what
 * {@code --keep-running} needs), not once at the end.
 */
@ExtendWith(KafkaBrokerExtension.class)
class JsonLinesOutputIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Test
    void shouldAppendEachRecordToItsFileWhenItArrivesWhileTheWorldRuns(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        String outcomesTopic = kafka.uniqueName("out-outcomes");
        String auditTopic = kafka.uniqueName("out-audit");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // as credrift does before the tap follows its topics
            admin.createTopics(
                            List.of(new NewTopic(outcomesTopic, 1, (short) 1), new NewTopic(auditTopic, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (JsonLinesOutput output = new JsonLinesOutput(
                        dir, "json-lines-it-audit-key-0123456789".getBytes(StandardCharsets.UTF_8));
                WebhookSink sink = WebhookSink.start();
                OutcomeTap tap = new OutcomeTap(
                        kafka.bootstrapServers(), outcomesTopic, auditTopic, output.recording("w", event -> {}))) {
            output.follow("w", sink);
            tap.start();

            CredriftEvent first = event("corr-1");
            RecordProducer.produce(kafka.bootstrapServers(), outcomesTopic, new EventCodec().encode(first));
            await().atMost(ARRIVAL)
                    .untilAsserted(() -> assertThat(lines(dir, JsonLinesOutput.OUTCOMES))
                            .singleElement()
                            .asString()
                            .contains("\"id\":\"" + first.id() + "\"", "\"sandboxworld\":\"w\""));

            CredriftEvent audited = event("corr-2");
            RecordProducer.produce(kafka.bootstrapServers(), auditTopic, new EventCodec().encode(audited));
            await().atMost(ARRIVAL)
                    .untilAsserted(() -> assertThat(lines(dir, JsonLinesOutput.AUDIT))
                            .singleElement()
                            .asString()
                            .contains("\"id\":\"" + audited.id() + "\""));

            HttpResponse<Void> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(sink.uri(CredriftInWorld.WEBHOOK_PATH))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}"))
                                    .header("Content-Type", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(200);
            await().atMost(ARRIVAL)
                    .untilAsserted(() -> assertThat(lines(dir, JsonLinesOutput.NOTIFICATIONS))
                            .singleElement()
                            .asString()
                            .contains("\"sink\":\"" + CredriftInWorld.WEBHOOK_SINK + "\"", "\"body\":{\"n\":1}"));

            CredriftEvent second = event("corr-3");
            RecordProducer.produce(kafka.bootstrapServers(), outcomesTopic, new EventCodec().encode(second));
            await().atMost(ARRIVAL)
                    .untilAsserted(() -> assertThat(lines(dir, JsonLinesOutput.OUTCOMES))
                            .hasSize(2)
                            .last()
                            .asString()
                            .contains("\"id\":\"" + second.id() + "\""));
        }
    }

    private static CredriftEvent event(String correlationId) {
        return EventFactory.system(URI.create("urn:credrift:reconciler"))
                .create(
                        new ResyncRequested(BindingId.of("monitoring", "loki-s3"), ResyncRequested.Reason.PERIODIC),
                        correlationId);
    }

    private static List<String> lines(Path dir, String file) throws Exception {
        return Files.readAllLines(dir.resolve(file));
    }
}
