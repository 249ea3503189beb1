package dev.credrift.reconciler.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.reconciler.kafka.KafkaRecordSink;
import dev.credrift.reconciler.report.Outcomes;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.logs.LogCapture;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 8 of issue 12: the Kafka consumer is used from one thread only, also while it closes. A handling that ends
 * after {@link ObservationConsumer#stop()} began makes its offset committable; the revocation that {@code close()}
 * itself raises must not commit it (a call after {@code close()} makes the Vert.x client start a second thread on the
 * same {@code KafkaConsumer}: {@code ConcurrentModificationException}, logged as {@code commit failed}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class ObservationConsumerIT {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldNotTouchTheConsumerAgainWhenAHandlingEndsWhileItCloses(KafkaBroker kafka) throws Exception {
        Topics topics = Topics.withPrefix(kafka.uniqueName("consume"));
        String observations = topics.name(Topic.OBSERVATIONS);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(observations, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, String> config =
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", kafka.uniqueName("group"));
        Context context = vertx.getOrCreateContext();
        AtomicReference<Promise<Void>> handling = new AtomicReference<>();
        AtomicReference<ObservationConsumer> consumer = new AtomicReference<>();

        try (LogCapture logs = LogCapture.everyCredriftLine()) {
            onContext(context, () -> {
                BindingLanes lanes = new BindingLanes(Bulkhead.ofDefaults("consume-it"), (id, trigger) -> {
                    Promise<Void> promise = Promise.promise();
                    handling.set(promise);
                    return promise.future();
                });
                consumer.set(new ObservationConsumer(
                        vertx,
                        config,
                        observations,
                        lanes,
                        new Outcomes(
                                KafkaRecordSink.create(vertx, config),
                                topics,
                                EventFactory.system(URI.create("urn:credrift:test"))),
                        new ReconcilerMetrics(new SimpleMeterRegistry()),
                        100));
                return consumer.get().start(Duration.ofMinutes(10), (owned, first) -> Future.succeededFuture());
            });
            send(kafka, observations);
            await().atMost(30, TimeUnit.SECONDS).until(() -> handling.get() != null);

            // stop, and let the handling end while the consumer closes: its offset becomes committable
            onContext(context, () -> {
                Future<Void> stopped = consumer.get().stop();
                handling.get().complete();
                return stopped;
            });
            // late callbacks (a failed commit is logged on the context) have run once Vert.x is closed
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(logs.lines())
                    .noneMatch(line -> line.contains("ConcurrentModificationException"))
                    .noneMatch(line -> line.contains("commit failed"));
        }
    }

    private static void send(KafkaBroker kafka, String topic) throws Exception {
        KafkaRecord record = new EventCodec()
                .encode(EventFactory.system(URI.create("urn:credrift:watcher"))
                        .create(new ResyncRequested(LOKI, ResyncRequested.Reason.PERIODIC)));
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach((k, v) -> out.headers().add(k, v));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(out).get(30, TimeUnit.SECONDS);
        }
    }

    private static void onContext(Context context, Supplier<Future<?>> action) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        context.runOnContext(v -> action.get().onComplete((result, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(result);
            }
        }));
        done.get(60, TimeUnit.SECONDS);
    }
}
