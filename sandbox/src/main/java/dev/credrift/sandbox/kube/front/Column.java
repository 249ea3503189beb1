package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * One column of a Table ({@code meta.k8s.io/v1}): its definition and how to compute its cell from an object at a
 * given time (ages are relative, as the API server prints them). A cell is a String, a Number or null.
 *
 * @param priority 0 for the default view, 1 for {@code -o wide} only
 */
record Column(String name, String type, String format, int priority, BiFunction<JsonNode, Instant, Object> cell) {

    static Column objectName() {
        return new Column(
                "Name",
                "string",
                "name",
                0,
                (o, now) -> o.path("metadata").path("name").asText());
    }

    static Column objectAge() {
        return new Column(
                "Age",
                "string",
                "",
                0,
                (o, now) -> HumanDuration.since(
                        o.path("metadata").path("creationTimestamp").asText(null), now));
    }

    static Column text(String name, int priority, BiFunction<JsonNode, Instant, Object> cell) {
        return new Column(name, "string", "", priority, cell);
    }

    static Column integer(String name, BiFunction<JsonNode, Instant, Object> cell) {
        return new Column(name, "integer", "", 0, cell);
    }
}
