package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple JSONPath a CRD's {@code additionalPrinterColumns} allow ({@code .status.driftClass},
 * {@code .status.conditions[?(@.type=="InSync")].status}, {@code .spec.items[0].name}): field steps, an index, or an
 * equality filter; the first result is the cell, as the API server's table convertor takes it.
 */
final class ColumnPath {

    private static final Pattern STEP = Pattern.compile(
            "\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_\\-.]+)\\s*==\\s*[\"']([^\"']*)[\"']\\)]");

    /** One step: a field name, an index, or a filter {@code [?(@.path=="value")]}. */
    private record Step(String field, int index, String filterPath, String filterValue) {}

    private final String text;
    private final List<Step> steps;

    private ColumnPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException naming the path when it is not the simple JSONPath a CRD column allows */
    static ColumnPath parse(String path) {
        Matcher matcher = STEP.matcher(path);
        List<Step> steps = new ArrayList<>();
        int at = 0;
        while (at < path.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new IllegalArgumentException("unsupported printer-column JSONPath " + path + " at " + at);
            }
            steps.add(new Step(
                    matcher.group(1),
                    matcher.group(2) == null ? -1 : Integer.parseInt(matcher.group(2)),
                    matcher.group(3),
                    matcher.group(4)));
            at = matcher.end();
        }
        return new ColumnPath(path, steps);
    }

    /** The first value the path reaches, or a missing node. */
    JsonNode first(JsonNode object) {
        List<JsonNode> current = List.of(object);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.field() != null) {
                    addPresent(next, node.path(step.field()));
                } else if (step.index() >= 0) {
                    addPresent(next, node.path(step.index()));
                } else {
                    node.forEach(element -> {
                        JsonNode field = element;
                        for (String part : step.filterPath().split("\\.")) {
                            field = field.path(part);
                        }
                        if (field.isValueNode() && field.asText().equals(step.filterValue())) {
                            next.add(element);
                        }
                    });
                }
            }
            current = next;
        }
        return current.isEmpty() ? MissingNode.getInstance() : current.get(0);
    }

    private static void addPresent(List<JsonNode> into, JsonNode node) {
        if (!node.isMissingNode() && !node.isNull()) {
            into.add(node);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
