package dev.credrift.reconciler.report;

import dev.credrift.events.BindingId;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.reconciler.kafka.RecordSink;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes outcome events (and dead letters) as CloudEvents; each future completes when acknowledged. Outcome events
 * carry the binding's labels as last read (the {@code bindinglabels} extension), so that the notifier can route on
 * labels without reading Kubernetes itself.
 */
public final class Outcomes {

    private final RecordSink sink;
    private final Topics topics;
    private final EventFactory events;
    private final EventCodec codec = new EventCodec();
    private final Map<BindingId, Map<String, String>> labels = new ConcurrentHashMap<>();

    public Outcomes(RecordSink sink, Topics topics, EventFactory events) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Remembers a binding's labels as just read; later outcomes of the binding carry them. */
    public void labels(BindingId id, Map<String, String> current) {
        if (current == null || current.isEmpty()) {
            labels.remove(id);
        } else {
            labels.put(id, Map.copyOf(current));
        }
    }

    /** An outcome, correlated with its remediation (or {@code null}). */
    public Future<Void> publish(EventPayload payload, String correlationId) {
        return sink.send(
                topics.name(payload.type().topic()),
                codec.encode(
                        events.create(payload, correlationId, labels.getOrDefault(payload.bindingId(), Map.of()))));
    }

    public Future<Void> deadLetter(DeadLetter letter) {
        return sink.send(topics.name(Topic.DEADLETTER), codec.encode(events.create(letter)));
    }
}
