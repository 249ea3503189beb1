package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code fieldSelector} ({@code a=b,c==d,e!=f}) matched against an object's JSON by dotted path, as the API
 * server does for the fields it indexes ({@code metadata.name}, {@code involvedObject.kind}, {@code status.phase}…).
 * A path the object lacks reads as the empty string, like a real server's field sets.
 */
record FieldSelector(List<Requirement> requirements) {

    /** One {@code path=value} or {@code path!=value}. */
    record Requirement(String path, String value, boolean equal) {

        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return equal == actual.equals(value);
        }
    }

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    /**
     * @throws IllegalArgumentException naming the requirement that is not {@code path=value} or {@code path!=value}
     */
    static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String term : selector.split(",")) {
            String trimmed = term.trim();
            int notEqual = trimmed.indexOf("!=");
            int doubleEqual = trimmed.indexOf("==");
            int equal = trimmed.indexOf('=');
            if (notEqual > 0) {
                requirements.add(
                        new Requirement(trimmed.substring(0, notEqual), trimmed.substring(notEqual + 2), false));
            } else if (doubleEqual > 0) {
                requirements.add(
                        new Requirement(trimmed.substring(0, doubleEqual), trimmed.substring(doubleEqual + 2), true));
            } else if (equal > 0) {
                requirements.add(new Requirement(trimmed.substring(0, equal), trimmed.substring(equal + 1), true));
            } else {
                throw new IllegalArgumentException(
                        "invalid selector: '" + selector + "'; can't understand '" + trimmed + "'");
            }
        }
        return new FieldSelector(List.copyOf(requirements));
    }

    boolean matches(JsonNode object) {
        return requirements.stream().allMatch(r -> r.matches(object));
    }
}
