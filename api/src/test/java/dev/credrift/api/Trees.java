package dev.credrift.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Edits a JSON tree at a field path in the validator's notation ({@code spec.consumers[1].kind}). */
public final class Trees {

    private Trees() {}

    /** Sets {@code path} to {@code value} (a String, Number, Boolean, JsonNode or {@code null}), creating objects on the way. */
    public static ObjectNode set(ObjectNode root, String path, Object value) {
        List<String> steps = steps(path);
        JsonNode parent = walk(root, steps.subList(0, steps.size() - 1), true);
        String last = steps.get(steps.size() - 1);
        JsonNode node = Examples.YAML.valueToTree(value);
        if (last.startsWith("[")) {
            ArrayNode array = (ArrayNode) parent;
            int index = index(last);
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, node);
        } else {
            ((ObjectNode) parent).set(last, node);
        }
        return root;
    }

    public static ObjectNode remove(ObjectNode root, String path) {
        List<String> steps = steps(path);
        JsonNode parent = walk(root, steps.subList(0, steps.size() - 1), false);
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).remove(index(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return root;
    }

    /** Parses a YAML flow snippet such as {@code {name: x}} into a tree, for {@link #set}. */
    public static JsonNode yaml(String snippet) {
        try {
            return Examples.YAML.readTree(snippet);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode walk(JsonNode node, List<String> steps, boolean create) {
        JsonNode current = node;
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean nextIsIndex = i + 1 < steps.size() && steps.get(i + 1).startsWith("[");
            if (step.startsWith("[")) {
                current = current.get(index(step));
            } else {
                JsonNode child = current.get(step);
                if ((child == null || child.isNull()) && create) {
                    child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                    ((ObjectNode) current).set(step, child);
                }
                current = child;
            }
            if (current == null) {
                throw new IllegalArgumentException("no node at " + String.join(".", steps.subList(0, i + 1)));
            }
        }
        return current;
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                for (String index : part.substring(bracket).split("(?=\\[)")) {
                    steps.add(index);
                }
            }
        }
        return steps;
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }
}
