package dev.credrift.watcher.publish;

import dev.credrift.events.BindingId;
import dev.credrift.events.EventFactory;
import dev.credrift.events.LoggingKeys;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns observation payloads into CloudEvents records for the {@link Publisher}, skipping an observation that says
 * exactly what the last one of its binding and type said (an informer resync, a metadata-only update, a change that
 * moved nothing credrift reports). Changes of the binding itself and resync requests are never skipped, and a
 * forced emission (a full resync) is not either.
 *
 * <p>Not thread-safe: owned by the watch loop.
 */
public final class ObservationEmitter {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationEmitter.class);
    private static final Set<EventType> NEVER_SKIPPED = Set.of(EventType.BINDING_CHANGED, EventType.RESYNC_REQUESTED);

    private final EventFactory events;
    private final EventCodec codec;
    private final Publisher publisher;
    private final Map<Publisher.Key, EventPayload> lastEmitted = new HashMap<>();

    public ObservationEmitter(EventFactory events, EventCodec codec, Publisher publisher) {
        this.events = events;
        this.codec = codec;
        this.publisher = publisher;
    }

    /** Publishes {@code payload} unless it repeats the last one of its kind ({@code force} publishes regardless). */
    public void emit(EventPayload payload, boolean force) {
        BindingId id = payload.bindingId();
        Publisher.Key key = new Publisher.Key(id, payload.type());
        if (!force && payload.equals(lastEmitted.get(key))) {
            return;
        }
        KafkaRecord record;
        try {
            record = codec.encode(events.create(payload));
        } catch (IllegalArgumentException e) {
            // too large for a consumer to accept; the message names type, binding and sizes only
            LOG.atError()
                    .addKeyValue(LoggingKeys.BINDING, id)
                    .log("Observe: {} cannot be published: {}", payload.type().typeName(), e.getMessage());
            return;
        }
        LOG.atDebug()
                .addKeyValue(LoggingKeys.BINDING, id)
                .log("Observe: publishing {}", payload.type().typeName());
        if (!NEVER_SKIPPED.contains(payload.type())) {
            lastEmitted.put(key, payload);
        }
        publisher.offer(key, record);
    }

    /** Forgets what was emitted for a binding that is gone. */
    public void forget(BindingId id) {
        lastEmitted.keySet().removeIf(k -> k.binding().equals(id));
    }

    /** Forgets everything (a new leader publishes everything again). */
    public void reset() {
        lastEmitted.clear();
    }
}
