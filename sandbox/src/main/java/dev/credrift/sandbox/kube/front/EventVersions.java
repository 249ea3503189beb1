package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One Event seen through either API, as the API server converts them (both are the same stored object;
 * {@code k8s.io/kubernetes/pkg/apis/events/v1/conversion.go}): {@code regarding} ↔ {@code involvedObject},
 * {@code note} ↔ {@code message}, {@code deprecatedSource} ↔ {@code source}, {@code deprecatedFirstTimestamp} ↔
 * {@code firstTimestamp}, {@code deprecatedLastTimestamp} ↔ {@code lastTimestamp}, {@code deprecatedCount} ↔
 * {@code count}, {@code reportingController} ↔ {@code reportingComponent}. The mock stores what was posted and
 * serves it unconverted under either path, which left {@code kubectl describe} with {@code involvedObject: null}.
 */
final class EventVersions {

    static final String CORE = "v1";
    static final String EVENTS = "events.k8s.io/v1";

    /** events.k8s.io/v1 field → core/v1 field. */
    private static final Map<String, String> RENAMED = Map.of(
            "regarding", "involvedObject",
            "note", "message",
            "deprecatedSource", "source",
            "deprecatedFirstTimestamp", "firstTimestamp",
            "deprecatedLastTimestamp", "lastTimestamp",
            "deprecatedCount", "count",
            "reportingController", "reportingComponent");

    private EventVersions() {}

    /** A copy of {@code event} (either version) as {@code apiVersion} ({@link #CORE} or {@link #EVENTS}) serves it. */
    static ObjectNode as(String apiVersion, JsonNode event) {
        ObjectNode copy = event.deepCopy();
        boolean isCore =
                !EVENTS.equals(event.path("apiVersion").asText()) && !event.has("regarding") && !event.has("note");
        boolean wantCore = CORE.equals(apiVersion);
        if (isCore != wantCore) {
            RENAMED.forEach((eventsField, coreField) -> {
                String from = wantCore ? eventsField : coreField;
                String to = wantCore ? coreField : eventsField;
                JsonNode value = copy.remove(from);
                if (value != null && !value.isNull()) {
                    copy.set(to, value);
                }
            });
        }
        copy.put("apiVersion", apiVersion);
        copy.put("kind", "Event");
        return copy;
    }
}
