package dev.credrift.events;

import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A credrift CloudEvent: envelope attributes plus a typed payload. {@code type}, {@code subject} and
 * {@code dataschema} follow from the payload; made by {@link EventFactory}, carried by the codec.
 *
 * @param id            CloudEvents {@code id}, unique per source
 * @param source        CloudEvents {@code source}, e.g. {@code urn:credrift:watcher}
 * @param time          CloudEvents {@code time}
 * @param correlationId the {@code correlationid} extension tying events of one remediation, or {@code null}
 * @param bindingLabels the {@code bindinglabels} extension: the binding's Kubernetes labels when the event was made
 *                      (outcome events carry them so that notification routes can match labels); empty if none
 */
public record CredriftEvent(
        String id,
        URI source,
        Instant time,
        String correlationId,
        EventPayload payload,
        Map<String, String> bindingLabels) {

    // Kubernetes label syntax: neither ',' nor '=' can occur, so "k=v,k2=v2" is unambiguous
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?" + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    /** Without binding labels. */
    public CredriftEvent(String id, URI source, Instant time, String correlationId, EventPayload payload) {
        this(id, source, time, correlationId, payload, Map.of());
    }

    /**
     * Requires id, source, time and payload; an id or correlation id must be printable ASCII without spaces; labels
     * must follow Kubernetes' label syntax.
     */
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
        bindingLabels = bindingLabels == null ? Map.of() : new TreeMap<>(bindingLabels);
        bindingLabels.forEach((key, value) -> {
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                throw new ContractViolation("bindingLabels", "has a key that is not a Kubernetes label key");
            }
            if (value == null || !LABEL_VALUE.matcher(value).matches()) {
                throw new ContractViolation("bindingLabels", "has a value that is not a Kubernetes label value");
            }
        });
        bindingLabels = Collections.unmodifiableMap(bindingLabels);
    }

    /** {@code bindinglabels} as written in the extension: {@code k=v,k2=v2}, keys sorted; empty if none. */
    public String bindingLabelsText() {
        StringBuilder text = new StringBuilder();
        bindingLabels.forEach((key, value) -> text.append(text.length() == 0 ? "" : ",")
                .append(key)
                .append('=')
                .append(value));
        return text.toString();
    }

    /**
     * Parses {@link #bindingLabelsText()}.
     *
     * @throws ContractViolation if it is not {@code k=v} pairs separated by commas
     */
    public static Map<String, String> parseBindingLabels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ContractViolation("bindinglabels", "must be key=value pairs separated by commas");
            }
            labels.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return labels;
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
        if (value == null
                || value.isEmpty()
                || value.length() > 256
                || !value.chars().allMatch(c -> c >= '!' && c <= '~')) {
            throw new ContractViolation(field, "must be 1 to 256 printable ASCII characters without spaces");
        }
    }
}
