package dev.credrift.watcher.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.EventType;
import dev.credrift.watcher.fixtures.ManualScheduler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublisherTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");

    /** A sink whose sends complete only when the test says so. */
    private static final class HeldSink implements ObservationSink {
        final List<String> sent = new ArrayList<>();
        final List<Promise<Void>> acks = new ArrayList<>();

        @Override
        public Future<Void> send(String topic, KafkaRecord record) {
            sent.add(new String(record.value(), StandardCharsets.UTF_8));
            Promise<Void> ack = Promise.promise();
            acks.add(ack);
            return ack.future();
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }

        void ackAll() {
            new ArrayList<>(acks).forEach(Promise::tryComplete);
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final HeldSink sink = new HeldSink();
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);

    @Test
    void shouldSendOnlyTheLatestRecordOfAKeyWhenOlderOnesWereNotSentYet() {
        Publisher publisher = new Publisher(sink, "t", 100, 10, backoff, scheduler);

        publisher.offer(key(LOKI), record("v1"));
        publisher.offer(key(LOKI), record("v2"));
        publisher.offer(key(LOKI), record("v3"));
        assertThat(sink.sent).containsExactly("v1");

        sink.ackAll();
        scheduler.runSoon();

        assertThat(sink.sent).containsExactly("v1", "v3");
        assertThat(publisher.stats().published()).isEqualTo(1);
    }

    @Test
    void shouldRetryWithBackoffAndKeepANewerRecordWhenASendFails() {
        Publisher publisher = new Publisher(sink, "t", 100, 10, backoff, scheduler);
        publisher.offer(key(LOKI), record("v1"));
        sink.acks.get(0).fail(new IllegalStateException("broker down"));
        scheduler.runSoon();
        assertThat(publisher.stats().failedSends()).isEqualTo(1);

        publisher.offer(key(TEMPO), record("tempo"));
        assertThat(sink.sent).containsExactly("v1");

        scheduler.advance(49);
        assertThat(sink.sent).containsExactly("v1");
        scheduler.advance(1);
        assertThat(sink.sent).containsExactly("v1", "v1", "tempo");

        sink.acks.get(1).fail(new IllegalStateException("still down"));
        publisher.offer(key(LOKI), record("v2"));
        sink.acks.get(2).complete();
        scheduler.runSoon();
        scheduler.advance(100);

        assertThat(sink.sent).containsExactly("v1", "v1", "tempo", "v2");
    }

    @Test
    void shouldDropTheOldestRecordsWhenTheQueueIsFull() {
        Publisher publisher = new Publisher(sink, "t", 2, 1, backoff, scheduler);
        publisher.offer(key(BindingId.of("a", "in-flight")), record("in-flight"));
        for (int i = 0; i < 5; i++) {
            publisher.offer(key(BindingId.of("a", "b" + i)), record("r" + i));
        }

        assertThat(publisher.stats().dropped()).isEqualTo(3);
        assertThat(publisher.stats().pending()).isEqualTo(2);
        for (int i = 0; i < 4; i++) {
            sink.ackAll();
            scheduler.runSoon();
        }
        assertThat(sink.sent).containsExactly("in-flight", "r3", "r4");
    }

    @Test
    void shouldCompleteDrainWhenEverythingIsAcknowledgedAndDropEverythingWhenCleared() {
        Publisher publisher = new Publisher(sink, "t", 100, 10, backoff, scheduler);
        publisher.offer(key(LOKI), record("v1"));
        publisher.offer(key(LOKI), record("v2"));
        Future<Void> drained = publisher.whenDrained();
        assertThat(drained.isComplete()).isFalse();

        publisher.clear();
        sink.ackAll();
        scheduler.runSoon();

        assertThat(drained.succeeded()).isTrue();
        assertThat(sink.sent).containsExactly("v1");
        assertThat(publisher.whenDrained().succeeded()).isTrue();
    }

    @Test
    void shouldTreatAThrowingSinkAsAFailedSend() {
        ObservationSink throwing = new ObservationSink() {
            @Override
            public Future<Void> send(String topic, KafkaRecord record) {
                throw new IllegalStateException("producer closed");
            }

            @Override
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
        Publisher publisher = new Publisher(throwing, "t", 100, 10, backoff, scheduler);

        publisher.offer(key(LOKI), record("v1"));
        scheduler.runSoon();

        assertThat(publisher.stats().failedSends()).isEqualTo(1);
        assertThat(publisher.stats().pending()).isEqualTo(1);
    }

    private static Publisher.Key key(BindingId id) {
        return new Publisher.Key(id, EventType.SOURCE_SECRET_OBSERVED);
    }

    private static KafkaRecord record(String value) {
        return new KafkaRecord("k", Map.of(), value.getBytes(StandardCharsets.UTF_8));
    }
}
