package dev.credrift.notifier.kafka;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.NotificationDelivered;
import dev.credrift.events.payload.NotificationFailed;
import dev.credrift.kafka.KafkaRecords;
import dev.credrift.notifier.config.SinkTarget;
import dev.credrift.notifier.delivery.DeliveryResult;
import dev.credrift.notifier.report.Origin;
import dev.credrift.notifier.report.Report;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what became of notifications: {@code NotificationDelivered} / {@code NotificationFailed}
 * on the outcomes topic (the notifier ignores them when it reads them back) and, for a failure, a
 * dead letter pointing at the record that was not notified. Keeps trying (with backoff) until Kafka
 * takes the record or the publisher closes, because the source record's offset is committed only after.
 * Must be used from one Vert.x context.
 */
public final class ResultPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int DETAIL_MAX = 1000;

    private final Vertx vertx;
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final EventFactory events;
    private final EventCodec codec = new EventCodec();
    private final Set<Long> timers = new HashSet<>();
    private boolean closed;

    /**
     * @param producer key String, value byte[]; idempotent with {@code acks=all} recommended
     * @param events   stamps the published events (source {@code urn:credrift:notifier})
     */
    public ResultPublisher(Vertx vertx, KafkaProducer<String, byte[]> producer, Topics topics, EventFactory events) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Publishes {@code NotificationDelivered}. */
    public Future<Void> delivered(Report report, SinkTarget sink, DeliveryResult.Delivered result) {
        CredriftEvent event = report.event();
        return publish(
                Topic.OUTCOMES,
                new NotificationDelivered(
                        report.binding(),
                        sink.name(),
                        sink.kind(),
                        event.id(),
                        event.type().typeName(),
                        result.attempts()),
                event.correlationId());
    }

    /** Publishes {@code NotificationFailed} and the dead letter of the record that was not notified. */
    public Future<Void> failed(Report report, SinkTarget sink, DeliveryResult.Failed result) {
        CredriftEvent event = report.event();
        String detail = truncate(result.error().detail());
        Future<Void> failure = publish(
                Topic.OUTCOMES,
                new NotificationFailed(
                        report.binding(),
                        sink.name(),
                        sink.kind(),
                        event.id(),
                        event.type().typeName(),
                        result.attempts(),
                        result.error().code().name(),
                        detail,
                        false),
                event.correlationId());
        Origin origin = report.trigger().origin();
        if (origin == null) {
            return failure;
        }
        DeadLetter letter = new DeadLetter(
                report.binding(),
                origin.topic(),
                origin.partition(),
                origin.offset(),
                event.type().typeName(),
                "NOTIFY_" + result.error().code().name(),
                truncate("notification to sink '" + sink.name() + "' (" + sink.kind() + ") failed after "
                        + result.attempts() + " attempt(s): " + result.error().detail()));
        return Future.join(failure, publish(Topic.DEADLETTER, letter, event.correlationId()))
                .mapEmpty();
    }

    /** Publishes a dead letter (a record that could not be decoded). */
    public Future<Void> deadLetter(DeadLetter letter) {
        return publish(Topic.DEADLETTER, letter, null);
    }

    /** Stops retrying; publications still pending fail. */
    public void close() {
        closed = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    private Future<Void> publish(Topic topic, EventPayload payload, String correlationId) {
        CredriftEvent event = events.create(payload, correlationId);
        String name = topics.name(topic);
        Promise<Void> promise = Promise.promise();
        attempt(name, event, promise, FIRST_BACKOFF);
        return promise.future();
    }

    private void attempt(String topic, CredriftEvent event, Promise<Void> promise, Duration backoff) {
        if (closed) {
            promise.tryFail("result publisher closed");
            return;
        }
        producer.send(KafkaRecords.toProducer(topic, codec.encode(event))).onComplete(sent -> {
            if (sent.succeeded()) {
                promise.tryComplete();
                return;
            }
            if (closed) {
                promise.tryFail("result publisher closed");
                return;
            }
            LOG.warn(
                    "could not publish {} to {} ({}); retrying in {} ms",
                    event.type().typeName(),
                    topic,
                    sent.cause().getClass().getSimpleName(),
                    backoff.toMillis());
            long[] id = new long[1];
            id[0] = vertx.setTimer(backoff.toMillis(), t -> {
                timers.remove(id[0]);
                Duration next = backoff.multipliedBy(2);
                attempt(topic, event, promise, next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next);
            });
            timers.add(id[0]);
        });
    }

    private static String truncate(String text) {
        return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "\u2026";
    }
}
