package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * The notifier could not deliver a notification about an outcome.
 *
 * @param errorCode a stable code, e.g. {@code HTTP_5XX} or {@code TIMEOUT}
 * @param detail    what went wrong, for a human
 * @param willRetry whether the notifier will try again by itself
 */
public record NotificationFailed(
        BindingId bindingId,
        String sink,
        SinkKind sinkKind,
        String eventId,
        String eventType,
        int attempts,
        String errorCode,
        String detail,
        boolean willRetry)
        implements EventPayload {

    /** Validates like {@code dev.credrift.notification.failed.v1.json}. */
    public NotificationFailed {
        Check.required(bindingId, "bindingId");
        Check.token(sink, "sink");
        Check.required(sinkKind, "sinkKind");
        Check.token(eventId, "eventId");
        Check.token(eventType, "eventType");
        Check.atLeast(attempts, 1, "attempts");
        Check.code(errorCode, "errorCode");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.NOTIFICATION_FAILED;
    }
}
