package dev.credrift.events;

import dev.credrift.events.payload.EventPayload;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** Stamps payloads into {@link CredriftEvent}s with this role's source, an id and the time. */
public final class EventFactory {

    private final URI source;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * @param source this role's CloudEvents source, e.g. {@code urn:credrift:reconciler}
     * @param clock  where the time comes from
     * @param ids    where event ids come from
     */
    public EventFactory(URI source, Clock clock, Supplier<String> ids) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** A factory with the UTC system clock and random UUIDs. */
    public static EventFactory system(URI source) {
        return new EventFactory(
                source, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** An event without correlation id. */
    public CredriftEvent create(EventPayload payload) {
        return create(payload, null);
    }

    /** An event correlated with others (e.g. all events of one remediation). */
    public CredriftEvent create(EventPayload payload, String correlationId) {
        return create(payload, correlationId, Map.of());
    }

    /** An event carrying the binding's labels (the {@code bindinglabels} extension), for routing. */
    public CredriftEvent create(EventPayload payload, String correlationId, Map<String, String> bindingLabels) {
        return new CredriftEvent(ids.get(), source, clock.instant(), correlationId, payload, bindingLabels);
    }
}
