package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The columns the API server prints for the built-in kinds an SRE looks at in the sandbox (the printers of
 * {@code k8s.io/kubernetes/pkg/printers/internalversion}); any other built-in kind gets Name and Age.
 */
final class BuiltinColumns {

    private static final Map<String, List<Column>> BY_RESOURCE = Map.of(
            "pods",
                    List.of(
                            Column.objectName(),
                            Column.text("Ready", 0, (o, now) -> readyContainers(o)),
                            Column.text("Status", 0, (o, now) -> podStatus(o)),
                            Column.integer("Restarts", (o, now) -> restarts(o)),
                            Column.objectAge(),
                            Column.text(
                                    "IP", 1, (o, now) -> orNone(o.path("status").path("podIP"))),
                            Column.text(
                                    "Node", 1, (o, now) -> orNone(o.path("spec").path("nodeName")))),
            "secrets",
                    List.of(
                            Column.objectName(),
                            Column.text("Type", 0, (o, now) -> o.path("type").asText("Opaque")),
                            Column.integer(
                                    "Data",
                                    (o, now) -> o.path("data").size()
                                            + o.path("stringData").size()),
                            Column.objectAge()),
            "configmaps",
                    List.of(
                            Column.objectName(),
                            Column.integer(
                                    "Data",
                                    (o, now) -> o.path("data").size()
                                            + o.path("binaryData").size()),
                            Column.objectAge()),
            "namespaces",
                    List.of(
                            Column.objectName(),
                            Column.text(
                                    "Status",
                                    0,
                                    (o, now) -> o.path("status").path("phase").asText("Active")),
                            Column.objectAge()),
            "deployments",
                    List.of(
                            Column.objectName(),
                            Column.text("Ready", 0, (o, now) -> count(o, "readyReplicas") + "/" + desired(o)),
                            Column.integer("Up-to-date", (o, now) -> count(o, "updatedReplicas")),
                            Column.integer("Available", (o, now) -> count(o, "availableReplicas")),
                            Column.objectAge()),
            "statefulsets",
                    List.of(
                            Column.objectName(),
                            Column.text("Ready", 0, (o, now) -> count(o, "readyReplicas") + "/" + desired(o)),
                            Column.objectAge()),
            "replicasets",
                    List.of(
                            Column.objectName(),
                            Column.integer("Desired", (o, now) -> desired(o)),
                            Column.integer("Current", (o, now) -> count(o, "replicas")),
                            Column.integer("Ready", (o, now) -> count(o, "readyReplicas")),
                            Column.objectAge()),
            "events",
                    List.of(
                            Column.text("Last Seen", 0, (o, now) -> HumanDuration.since(lastSeen(o), now)),
                            Column.text("Type", 0, (o, now) -> o.path("type").asText()),
                            Column.text(
                                    "Reason", 0, (o, now) -> o.path("reason").asText()),
                            Column.text("Object", 0, (o, now) -> involved(o)),
                            Column.text(
                                    "Message",
                                    0,
                                    (o, now) -> o.path("message")
                                            .asText(o.path("note").asText()))));

    private BuiltinColumns() {}

    static List<Column> of(String plural) {
        return BY_RESOURCE.getOrDefault(plural, List.of(Column.objectName(), Column.objectAge()));
    }

    private static String readyContainers(JsonNode pod) {
        JsonNode statuses = pod.path("status").path("containerStatuses");
        long ready = StreamSupport.stream(statuses.spliterator(), false)
                .filter(s -> s.path("ready").asBoolean(false))
                .count();
        return ready + "/" + pod.path("spec").path("containers").size();
    }

    /** The phase, or the reason a container is waiting or terminated, or Terminating. */
    private static String podStatus(JsonNode pod) {
        if (pod.path("metadata").has("deletionTimestamp")) {
            return "Terminating";
        }
        String reason = pod.path("status")
                .path("reason")
                .asText(pod.path("status").path("phase").asText("Pending"));
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            JsonNode state = status.path("state");
            if (state.path("waiting").hasNonNull("reason")) {
                reason = state.path("waiting").path("reason").asText();
            } else if (state.path("terminated").hasNonNull("reason")) {
                reason = state.path("terminated").path("reason").asText();
            }
        }
        return reason;
    }

    private static int restarts(JsonNode pod) {
        return StreamSupport.stream(pod.path("status").path("containerStatuses").spliterator(), false)
                .mapToInt(s -> s.path("restartCount").asInt(0))
                .sum();
    }

    private static int count(JsonNode workload, String field) {
        return workload.path("status").path(field).asInt(0);
    }

    private static int desired(JsonNode workload) {
        return workload.path("spec").path("replicas").asInt(1);
    }

    private static String lastSeen(JsonNode event) {
        for (String field : List.of("lastTimestamp", "deprecatedLastTimestamp", "eventTime", "firstTimestamp")) {
            if (event.hasNonNull(field) && !event.path(field).asText().isEmpty()) {
                return event.path(field).asText();
            }
        }
        JsonNode series = event.path("series").path("lastObservedTime");
        return series.isMissingNode() ? null : series.asText();
    }

    private static String involved(JsonNode event) {
        JsonNode ref = event.has("involvedObject") ? event.path("involvedObject") : event.path("regarding");
        return ref.path("kind").asText().toLowerCase(Locale.ROOT) + "/"
                + ref.path("name").asText();
    }

    private static String orNone(JsonNode value) {
        return value.isValueNode() && !value.asText().isEmpty() ? value.asText() : "<none>";
    }
}
