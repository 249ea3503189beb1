package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side printing: an object or a list turned into the {@code meta.k8s.io/v1} Table kubectl asks for with
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io} — the CRD's {@code additionalPrinterColumns} (Name
 * first, ages relative, as the apiextensions table convertor does) or a built-in kind's {@link BuiltinColumns}. Each
 * row carries the object's metadata ({@code PartialObjectMetadata}) or, with {@code includeObject=Object}, the
 * object itself.
 */
final class Tables {

    private final ObjectMapper json;

    Tables(ObjectMapper json) {
        this.json = json;
    }

    /** The columns of a resource. */
    static List<Column> columns(ApiResource resource) {
        if (resource.printerColumns().isEmpty()) {
            return BuiltinColumns.of(resource.plural());
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.objectName());
        for (JsonNode definition : resource.printerColumns()) {
            ColumnPath path = ColumnPath.parse(definition.path("jsonPath").asText());
            String type = definition.path("type").asText("string");
            boolean date = "date".equals(type);
            columns.add(new Column(
                    definition.path("name").asText(),
                    date ? "date" : type,
                    definition.path("format").asText(""),
                    definition.path("priority").asInt(0),
                    (o, now) -> {
                        JsonNode value = path.first(o);
                        if (value.isMissingNode()) {
                            return null;
                        }
                        if (date) {
                            return HumanDuration.since(value.asText(), now);
                        }
                        return value.isNumber() ? value.numberValue() : value.asText();
                    }));
        }
        return columns;
    }

    /**
     * @param objects       the list's items, or the one object asked for
     * @param resourceVersion the list's, or null
     * @param wholeObject   {@code includeObject=Object}
     */
    ObjectNode table(
            ApiResource resource, List<JsonNode> objects, String resourceVersion, boolean wholeObject, Instant now) {
        List<Column> columns = columns(resource);
        ObjectNode table = json.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            ObjectNode definition = definitions.addObject();
            definition.put("name", column.name());
            definition.put("type", column.type());
            definition.put("format", column.format());
            definition.put("description", "");
            definition.put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (Column column : columns) {
                cells.add(json.valueToTree(column.cell().apply(object, now)));
            }
            row.set("object", wholeObject ? object : partial(object));
        }
        return table;
    }

    private ObjectNode partial(JsonNode object) {
        ObjectNode partial = json.createObjectNode();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata").deepCopy());
        return partial;
    }
}
