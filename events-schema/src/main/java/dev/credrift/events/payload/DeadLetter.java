package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.util.regex.Pattern;

/**
 * A record that could not be decoded or handled: where it was and why, never its value.
 *
 * @param bindingId    the original key if it is a binding id, otherwise {@link #UNATTRIBUTED}
 * @param originalType the original {@code ce_type} header, if it was a printable token
 * @param reasonCode   e.g. {@code SCHEMA_VIOLATION} (a decode failure) or a handler's own code
 * @param detail       what was wrong, for a human; names headers and fields, never values
 */
public record DeadLetter(
        BindingId bindingId,
        String originalTopic,
        int originalPartition,
        long originalOffset,
        String originalType,
        String reasonCode,
        String detail)
        implements EventPayload {

    /** The binding id of dead letters whose original key was not a binding id. */
    public static final BindingId UNATTRIBUTED = BindingId.of("credrift", "unattributed");

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Validates like {@code dev.credrift.deadletter.record.v1.json}. */
    public DeadLetter {
        Check.required(bindingId, "bindingId");
        Check.matching(originalTopic, TOPIC, "originalTopic", "must be a Kafka topic name");
        Check.atLeast(originalPartition, 0, "originalPartition");
        Check.atLeast(originalOffset, 0, "originalOffset");
        Check.optionalToken(originalType, "originalType");
        Check.code(reasonCode, "reasonCode");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.DEAD_LETTER;
    }
}
