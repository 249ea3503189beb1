package dev.credrift.reconciler.report;

import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.reconciler.kafka.RecordSink;
import io.vertx.core.Future;
import java.util.Objects;

/** Publishes outcome events (and dead letters) as CloudEvents; each future completes when acknowledged. */
public final class Outcomes {

    private final RecordSink sink;
    private final Topics topics;
    private final EventFactory events;
    private final EventCodec codec = new EventCodec();

    public Outcomes(RecordSink sink, Topics topics, EventFactory events) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** An outcome, correlated with its remediation (or {@code null}). */
    public Future<Void> publish(EventPayload payload, String correlationId) {
        return sink.send(topics.name(payload.type().topic()), codec.encode(events.create(payload, correlationId)));
    }

    public Future<Void> deadLetter(DeadLetter letter) {
        return sink.send(topics.name(Topic.DEADLETTER), codec.encode(events.create(letter)));
    }
}
