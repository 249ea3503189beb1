package dev.credrift.sandbox.world.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.sandbox.world.spec.ValueTemplate;
import dev.credrift.sandbox.world.spec.WorldObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Reads a Kubernetes object of {@code objects:} or an {@code applyObject} step: checked against its kind's schema
 * ({@link ObjectSchemas}) here, so a typo or {@code replicas: two} stops the world file before any broker starts,
 * at its own line; placeholders in its text are checked too.
 */
final class ObjectsSection {

    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private final Placeholders placeholders;

    ObjectsSection(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    WorldObject object(YamlNode node) {
        Fields object = Fields.of(node, "a Kubernetes object");
        String apiVersion = object.string("apiVersion");
        String kind = object.string("kind");
        new ObjectSchemaCheck(kind + " " + apiVersion).check(node, ObjectSchemas.of(apiVersion, kind));
        Fields metadata = object.map("metadata", "metadata");
        String name = metadata.string("name");
        if (!NAME.matcher(name).matches()) {
            throw metadata.error("name", "must be a valid Kubernetes name");
        }
        return new WorldObject((ObjectNode) toJson(node), node.location());
    }

    private JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlNode.MapNode map) {
            ObjectNode object = f.objectNode();
            map.entries().forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        if (node instanceof YamlNode.ListNode list) {
            ArrayNode array = f.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        YamlNode.ScalarNode scalar = (YamlNode.ScalarNode) node;
        Object value = scalar.value();
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof String text) {
            placeholders.check(new ValueTemplate(text), scalar);
            return f.textNode(text);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof BigInteger big) {
            return f.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return f.numberNode(decimal);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof Float fl) {
            return f.numberNode(fl);
        }
        return f.numberNode(((Number) value).longValue());
    }
}
