package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * The notifier delivered a notification about an outcome.
 *
 * @param sink      the configured sink's name, e.g. {@code slack-oncall}
 * @param eventId   the id of the event notified about
 * @param eventType the type of the event notified about
 * @param attempts  how many tries it took, from 1
 */
public record NotificationDelivered(
        BindingId bindingId, String sink, SinkKind sinkKind, String eventId, String eventType, int attempts)
        implements EventPayload {

    /** Validates like {@code dev.credrift.notification.delivered.v1.json}. */
    public NotificationDelivered {
        Check.required(bindingId, "bindingId");
        Check.token(sink, "sink");
        Check.required(sinkKind, "sinkKind");
        Check.token(eventId, "eventId");
        Check.token(eventType, "eventType");
        Check.atLeast(attempts, 1, "attempts");
    }

    @Override
    public EventType type() {
        return EventType.NOTIFICATION_DELIVERED;
    }
}
