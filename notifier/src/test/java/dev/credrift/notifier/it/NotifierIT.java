package dev.credrift.notifier.it;

import static dev.credrift.notifier.it.Harness.await;
import static dev.credrift.notifier.it.Harness.fast;
import static dev.credrift.notifier.it.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Fixtures;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.NotificationDelivered;
import dev.credrift.events.payload.NotificationFailed;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.notifier.Notifier;
import dev.credrift.notifier.NotifierConfig;
import dev.credrift.notifier.NotifierEnvironment;
import dev.credrift.notifier.SignatureVerifier;
import dev.credrift.notifier.Story;
import dev.credrift.notifier.config.RateLimit;
import dev.credrift.notifier.config.SecretSource;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.config.SinkTimeouts;
import dev.credrift.notifier.routing.BindingLabels;
import dev.credrift.notifier.routing.RouteRule;
import dev.credrift.notifier.webhook.IdempotencyKey;
import dev.credrift.notifier.webhook.WebhookSignature;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import dev.credrift.sandbox.webhook.SinkBehavior;
import dev.credrift.sandbox.webhook.WebhookSink;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The notifier end to end: a real broker, the sandbox's webhook sink playing Slack and a receiver. */
@ExtendWith(KafkaBrokerExtension.class)
class NotifierIT {

    private static final String SLACK_TOKEN = "xoxb-planted-slack-token-7f3a";
    private static final String HOOK_TOKEN = "planted-hook-path-token-91c2";
    private static final String SIGNING_KEY = "planted-signing-key-5d8e0b";
    private static final String SLACK_PATH = "/services/T0CREDRIFT/B0NOTIFY/" + SLACK_TOKEN;
    private static final String HOOK_PATH = "/hooks/" + HOOK_TOKEN;
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");

    @TempDir
    Path dir;

    private KafkaBroker kafka;
    private KafkaIo io;
    private Vertx vertx;
    private WebhookSink sink;
    private Topics topics;
    private String outcomes;
    private String deadletter;
    private String group;
    private final List<Notifier> notifiers = new ArrayList<>();

    @BeforeEach
    void start(KafkaBroker broker) throws Exception {
        kafka = broker;
        io = new KafkaIo(broker.bootstrapServers());
        vertx = Vertx.vertx();
        sink = WebhookSink.start();
        topics = Topics.withPrefix(broker.uniqueName("notifier"));
        outcomes = topics.name(Topic.OUTCOMES);
        deadletter = topics.name(Topic.DEADLETTER);
        io.createTopics(3, outcomes);
        io.createTopics(1, deadletter);
        group = broker.uniqueName("notifier-group");
    }

    @AfterEach
    void stop() throws Exception {
        for (Notifier notifier : notifiers) {
            await(notifier.stop().otherwiseEmpty());
        }
        sink.close();
        io.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private SinkConfig slack() throws Exception {
        Path url = Files.writeString(dir.resolve("slack-url"), sink.uri(SLACK_PATH) + "\n");
        return fast(SinkConfig.slack("slack-oncall", SecretSource.file(url)));
    }

    private SinkConfig hook(String name, String path) throws Exception {
        Path key = Files.writeString(dir.resolve(name + "-key"), SIGNING_KEY);
        return fast(SinkConfig.webhook(name, SecretSource.env(envName(name)), SecretSource.file(key)));
    }

    private static String envName(String sink) {
        return sink.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    private NotifierConfig config(List<SinkConfig> sinks) {
        return NotifierConfig.of(sinks)
                .withTopics(topics)
                .withGroupId(group)
                .withKafka(Map.of("auto.offset.reset", "earliest"))
                .withCommitInterval(Duration.ofMillis(200));
    }

    private Notifier startNotifier(NotifierConfig config, Map<String, String> env) throws Exception {
        Notifier notifier = await(Notifier.start(
                vertx,
                config,
                kafka.bootstrapServers(),
                new NotifierEnvironment(Clock.systemUTC(), BindingLabels.NONE, env::get)));
        notifiers.add(notifier);
        return notifier;
    }

    private Map<String, String> env(String sinkName, String path) {
        return Map.of(envName(sinkName), sink.uri(path).toString());
    }

    private static Story tempoAlert() {
        Story story = new Story("alert", TEMPO, null);
        story.drift(
                DriftClass.AUTHORITY_REJECTED,
                Authority.VAULT,
                new HopFingerprints(null, Fixtures.fp(Fixtures.STALE), null),
                StoreVerdict.INVALID_ACCESS_KEY_ID,
                "MinIO answers InvalidAccessKeyId for the vault's key 8ZKP\u2026D2QX");
        return story;
    }

    private List<NotificationDelivered> deliveredEvents() {
        return io.events(outcomes).stream()
                .filter(e -> e.payload() instanceof NotificationDelivered)
                .map(e -> (NotificationDelivered) e.payload())
                .toList();
    }

    private void awaitAllCommitted() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(io.committed(group, outcomes)).isEqualTo(io.endOffsets(outcomes)));
    }

    @Test
    void shouldNotifyEachSinkOfEachOutcomeAndCommitOnceDelivered() throws Exception {
        Story healed = Story.healed("heal", LOKI);
        Story alert = tempoAlert();
        io.sendAll(outcomes, healed.events());
        io.sendAll(outcomes, alert.events());
        // the notifier's own kind of event, which it must not notify about
        io.send(
                outcomes,
                new CredriftEvent(
                        "own-1",
                        Story.RECONCILER,
                        Story.T0,
                        null,
                        Fixtures.samples().get(EventType.NOTIFICATION_DELIVERED)));
        io.sendRaw(
                outcomes,
                LOKI.toString(),
                "{not json".getBytes(StandardCharsets.UTF_8),
                Fixtures.headers(EventType.DRIFT_DETECTED, LOKI.toString()));

        Notifier notifier =
                startNotifier(config(List.of(slack(), hook("audit-hook", HOOK_PATH))), env("audit-hook", HOOK_PATH));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sink.accepted(SLACK_PATH)).hasSize(2);
            assertThat(sink.accepted(HOOK_PATH)).hasSize(2);
        });
        assertThat(sink.accepted(SLACK_PATH))
                .extracting(r -> json(r).get("text").asText())
                .containsExactlyInAnyOrder(
                        "Healed monitoring/loki-s3: healed in 1 min 05 s",
                        "The store rejects the authority's credential: tracing/tempo-s3: alert only, nothing changed");
        String succeededId = healed.events().get(healed.events().size() - 2).id();
        String alertId = alert.last().id();
        assertThat(sink.accepted(HOOK_PATH))
                .extracting(r -> json(r).get("id").asText())
                .containsExactlyInAnyOrder(succeededId, alertId);
        for (ReceivedRequest request : sink.accepted(HOOK_PATH)) {
            String id = json(request).get("id").asText();
            assertThat(SignatureVerifier.verify(
                            request.header(WebhookSignature.HEADER).orElse(null),
                            request.body(),
                            SIGNING_KEY,
                            Instant.now(),
                            Duration.ofMinutes(5)))
                    .as("signature of %s", id)
                    .isTrue();
            assertThat(request.header(IdempotencyKey.HEADER)).contains(IdempotencyKey.of("audit-hook", id));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<NotificationDelivered> delivered = deliveredEvents().stream()
                    .filter(d -> !d.eventId().equals("e-1"))
                    .toList();
            assertThat(delivered)
                    .extracting(NotificationDelivered::sink, NotificationDelivered::eventId)
                    .containsExactlyInAnyOrder(
                            tuple("slack-oncall", succeededId),
                            tuple("slack-oncall", alertId),
                            tuple("audit-hook", succeededId),
                            tuple("audit-hook", alertId));
            assertThat(io.events(deadletter)).singleElement().satisfies(e -> {
                DeadLetter letter = (DeadLetter) e.payload();
                assertThat(letter.reasonCode()).isEqualTo("INVALID_JSON");
                assertThat(letter.originalTopic()).isEqualTo(outcomes);
            });
        });
        awaitAllCommitted();
        assertThat(notifier.stats().delivered()).isEqualTo(4);
        assertThat(notifier.stats().deadLettered()).isEqualTo(1);
        assertThat(notifier.stats().inFlight()).isZero();
    }

    @Test
    void shouldRouteOnTheBindingLabelsTheOutcomeEventsCarry() throws Exception {
        Map<String, String> team = Map.of("team", "observability");
        io.sendAll(
                outcomes,
                Story.healed("heal", LOKI).events().stream()
                        .map(e -> new CredriftEvent(e.id(), e.source(), e.time(), e.correlationId(), e.payload(), team))
                        .toList());
        io.sendAll(outcomes, tempoAlert().events());

        startNotifier(
                config(List.of(slack()))
                        .withRoutes(List.of(RouteRule.to("slack-oncall").withBindingLabels(team))),
                Map.of());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(sink.accepted(SLACK_PATH))
                        .extracting(r -> json(r).get("text").asText())
                        .containsExactly("Healed monitoring/loki-s3: healed in 1 min 05 s"));
        awaitAllCommitted();
        assertThat(sink.accepted(SLACK_PATH)).hasSize(1);
    }

    @Test
    void shouldDeadLetterWhatASinkWillNotTakeWhileOtherSinksKeepDelivering() throws Exception {
        String brokenPath = "/hooks/broken";
        String stuckPath = "/hooks/stuck";
        sink.respond(brokenPath, SinkBehavior.serverError());
        sink.respond(stuckPath, SinkBehavior.hang());
        Map<String, String> env = new HashMap<>(env("broken-hook", brokenPath));
        env.putAll(env("stuck-hook", stuckPath));
        Notifier notifier = startNotifier(
                config(List.of(slack(), hook("broken-hook", brokenPath), hook("stuck-hook", stuckPath)))
                        .withDedupWindow(Duration.ZERO),
                env);

        List<String> alertIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Story story = new Story("alert" + i, BindingId.of("monitoring", "b" + i), null);
            story.drift(
                    DriftClass.ENDPOINT_UNTRUSTED,
                    Authority.SOURCE,
                    new HopFingerprints(null, null, null),
                    StoreVerdict.TLS_FAILURE,
                    "unknown CA");
            alertIds.add(story.last().id());
            io.sendAll(outcomes, story.events());
        }

        // the stuck sink needs about 3 × 3 × 400 ms to give up; Slack must not wait for it
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(sink.accepted(SLACK_PATH)).hasSize(3));
        assertThat(notifier.stats().failed()).isLessThan(6);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(io.events(deadletter))
                    .extracting(e -> ((DeadLetter) e.payload()).reasonCode())
                    .containsExactlyInAnyOrder(
                            "NOTIFY_HTTP_5XX",
                            "NOTIFY_HTTP_5XX",
                            "NOTIFY_HTTP_5XX",
                            "NOTIFY_TIMEOUT",
                            "NOTIFY_TIMEOUT",
                            "NOTIFY_TIMEOUT");
            List<NotificationFailed> failed = io.events(outcomes).stream()
                    .filter(e -> e.payload() instanceof NotificationFailed)
                    .map(e -> (NotificationFailed) e.payload())
                    .toList();
            assertThat(failed).hasSize(6).allSatisfy(f -> {
                assertThat(f.attempts()).isEqualTo(3);
                assertThat(f.willRetry()).isFalse();
                assertThat(f.eventId()).isIn(alertIds);
            });
        });
        assertThat(io.events(deadletter)).allSatisfy(e -> {
            DeadLetter letter = (DeadLetter) e.payload();
            assertThat(letter.originalTopic()).isEqualTo(outcomes);
            assertThat(letter.originalType()).isEqualTo(EventType.DRIFT_DETECTED.typeName());
            assertThat(letter.detail())
                    .contains("sink '")
                    .doesNotContain(HOOK_TOKEN, sink.baseUri().toString());
        });
        assertThat(sink.requests(brokenPath)).hasSize(9);
        awaitAllCommitted();
    }

    @Test
    void shouldRedeliverWithTheSameIdempotencyKeyWhenANotifierStopsMidDelivery() throws Exception {
        sink.respond(HOOK_PATH, SinkBehavior.hang(), 1);
        SinkConfig patient = hook("audit-hook", HOOK_PATH)
                .withTimeouts(new SinkTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        NotifierConfig config = config(List.of(patient));
        Notifier first = startNotifier(config, env("audit-hook", HOOK_PATH));
        Story alert = tempoAlert();
        io.sendAll(outcomes, alert.events());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sink.requests(HOOK_PATH).size() == 1);

        await(first.stop());
        notifiers.remove(first);
        sink.clearBehaviors();
        startNotifier(config, env("audit-hook", HOOK_PATH));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sink.accepted(HOOK_PATH).size() == 1);
        List<ReceivedRequest> requests = sink.requests(HOOK_PATH);
        assertThat(requests).hasSize(2);
        assertThat(requests)
                .extracting(r -> r.header(IdempotencyKey.HEADER).orElseThrow())
                .containsOnly(IdempotencyKey.of("audit-hook", alert.last().id()));
        assertThat(requests)
                .extracting(r -> json(r).get("id").asText())
                .containsOnly(alert.last().id());
        awaitAllCommitted();
    }

    @Test
    void shouldKeepPlantedSecretsOutOfMessagesEventsAndLogLines() throws Exception {
        String downToken = "planted-down-token-0c4f";
        WebhookSink down = WebhookSink.start();
        down.stop();
        try (CapturedLogs logs =
                CapturedLogs.capture("dev.credrift", "io.vertx", "io.netty", "io.github.resilience4j")) {
            sink.respond(SLACK_PATH, SinkBehavior.rateLimited(Duration.ofSeconds(1)), 1);
            sink.respond(HOOK_PATH, SinkBehavior.serverError(), 1);
            Map<String, String> env = new HashMap<>(env("audit-hook", HOOK_PATH));
            env.put(envName("down-hook"), down.uri("/hooks/" + downToken).toString());
            startNotifier(config(List.of(slack(), hook("audit-hook", HOOK_PATH), hook("down-hook", "/unused"))), env);

            io.sendAll(outcomes, Story.healed("heal", LOKI).events());
            io.sendAll(outcomes, tempoAlert().events());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(sink.accepted(SLACK_PATH)).hasSize(2);
                assertThat(sink.accepted(HOOK_PATH)).hasSize(2);
                assertThat(io.events(deadletter))
                        .extracting(e -> ((DeadLetter) e.payload()).reasonCode())
                        .containsExactly("NOTIFY_CONNECTION_REFUSED", "NOTIFY_CONNECTION_REFUSED");
            });
            awaitAllCommitted();

            List<String> planted = List.of(
                    SLACK_TOKEN,
                    HOOK_TOKEN,
                    downToken,
                    SIGNING_KEY,
                    Fixtures.ROTATED.secret().reveal(),
                    Fixtures.STALE.secret().reveal());
            assertThat(logs.lines()).as("log lines were captured").anyMatch(l -> l.contains("sink down-hook"));
            for (String line : logs.lines()) {
                for (String secret : planted) {
                    assertThat(line).as("a log line").doesNotContain(secret);
                }
            }
            for (ReceivedRequest request : sink.requests()) {
                String seen = request.bodyText() + request.headers();
                for (String secret : planted) {
                    assertThat(seen)
                            .as("what %s received", request.path().startsWith("/services") ? "Slack" : "the hook")
                            .doesNotContain(secret);
                }
            }
            for (String topic : List.of(outcomes, deadletter)) {
                for (ConsumerRecord<String, byte[]> record : io.readAll(topic)) {
                    StringBuilder seen = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
                    for (Header header : record.headers()) {
                        seen.append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    for (String secret : planted) {
                        assertThat(seen.toString()).as("a record on %s", topic).doesNotContain(secret);
                    }
                }
            }
        } finally {
            down.close();
        }
    }

    @Test
    void shouldPauseWhenTooManyRecordsAreInFlightAndStillDeliverEveryOne() throws Exception {
        SinkConfig slow = hook("audit-hook", HOOK_PATH).withRateLimit(new RateLimit(20, Duration.ofSeconds(1), 1));
        // what a loaded machine did now and then: the sink takes a message but answers after the 400 ms timeout
        sink.respond(HOOK_PATH, SinkBehavior.okLate(Duration.ofMillis(1500)), 1);
        Notifier notifier = startNotifier(
                config(List.of(slow)).withMaxInFlight(3).withDedupWindow(Duration.ZERO), env("audit-hook", HOOK_PATH));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Story story = new Story("many" + i, BindingId.of("monitoring", "m" + i), null);
            story.drift(
                    DriftClass.REPLICA_UNSYNCABLE,
                    Authority.SOURCE,
                    new HopFingerprints(null, null, null),
                    null,
                    "refreshInterval 0");
            ids.add(story.last().id());
            io.sendAll(outcomes, story.events());
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveredEvents())
                        .extracting(NotificationDelivered::eventId)
                        .containsExactlyInAnyOrderElementsOf(ids));
        awaitAllCommitted();
        assertThat(notifier.stats().inFlight()).isZero();
        // each record was handled once (one outcome event each, none replayed after a resume) ...
        List<NotificationDelivered> delivered = deliveredEvents();
        assertThat(delivered).extracting(NotificationDelivered::eventId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(notifier.stats().delivered()).isEqualTo(ids.size());
        // ... but an attempt that timed out on a loaded machine may have been taken by the sink all the same: then
        // the retry reaches it again with the same idempotency key, and never more often than attempts were made
        Map<String, List<ReceivedRequest>> received = sink.accepted(HOOK_PATH).stream()
                .collect(Collectors.groupingBy(r -> json(r).get("id").asText()));
        assertThat(received).containsOnlyKeys(ids);
        assertThat(received.values())
                .as("the late answer's message went out twice")
                .anyMatch(r -> r.size() == 2);
        for (NotificationDelivered delivery : delivered) {
            assertThat(received.get(delivery.eventId()))
                    .as("deliveries of %s", delivery.eventId())
                    .hasSizeLessThanOrEqualTo(delivery.attempts())
                    .allSatisfy(r -> assertThat(r.header(IdempotencyKey.HEADER))
                            .contains(IdempotencyKey.of("audit-hook", delivery.eventId())));
        }
    }

    @Test
    void shouldRefuseToStartWhenASecretCannotBeReadWithoutSayingIt() {
        SinkConfig missing = SinkConfig.webhook(
                "audit-hook", SecretSource.env("NOT_SET"), SecretSource.value(SecretValue.of(SIGNING_KEY)));

        assertThat(Notifier.start(
                                vertx,
                                config(List.of(missing)),
                                kafka.bootstrapServers(),
                                new NotifierEnvironment(Clock.systemUTC(), BindingLabels.NONE, name -> null))
                        .toCompletionStage()
                        .toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30))
                .withThrowableThat()
                .havingRootCause()
                .withMessage("sink 'audit-hook': url is not set: environment variable NOT_SET is missing");
    }
}
