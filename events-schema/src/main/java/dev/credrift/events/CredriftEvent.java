package dev.credrift.events;

import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import java.net.URI;
import java.time.Instant;

/**
 * A credrift CloudEvent: envelope attributes plus a typed payload. {@code type}, {@code subject} and
 * {@code dataschema} follow from the payload; made by {@link EventFactory}, carried by the codec.
 *
 * @param id            CloudEvents {@code id}, unique per source
 * @param source        CloudEvents {@code source}, e.g. {@code urn:credrift:watcher}
 * @param time          CloudEvents {@code time}
 * @param correlationId the {@code correlationid} extension tying events of one remediation, or {@code null}
 */
public record CredriftEvent(String id, URI source, Instant time, String correlationId, EventPayload payload) {

    /** Requires id, source, time and payload; an id or correlation id must be printable ASCII without spaces. */
    public CredriftEvent {
        requireToken(id, "id");
        if (source == null || source.toString().isEmpty()) {
            throw new ContractViolation("source", "must be a non-empty URI reference");
        }
        if (time == null) {
            throw new ContractViolation("time", "is required");
        }
        if (correlationId != null) {
            requireToken(correlationId, "correlationId");
        }
        if (payload == null) {
            throw new ContractViolation("payload", "is required");
        }
    }

    /** The CloudEvent type, from the payload. */
    public EventType type() {
        return payload.type();
    }

    /** The binding this event is about: CloudEvents {@code subject} and Kafka key. */
    public BindingId bindingId() {
        return payload.bindingId();
    }

    // Header values travel as UTF-8 in Kafka; printable ASCII keeps them readable in kcat and logs.
    private static void requireToken(String value, String field) {
        if (value == null || value.isEmpty() || value.length() > 256
                || !value.chars().allMatch(c -> c >= '!' && c <= '~')) {
            throw new ContractViolation(field, "must be 1 to 256 printable ASCII characters without spaces");
        }
    }
}
