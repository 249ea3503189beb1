package dev.credrift.sandbox.world.file;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Checks a Kubernetes object of a world file against its {@link ObjectSchema}, as the API server would with strict
 * field validation ({@code kubectl apply --validate=strict}): the first unknown field, wrong type or value outside an
 * enum is a {@link WorldFileException} at the value's own line and column, naming its field path — never the value.
 */
final class ObjectSchemaCheck {

    private final String kind;

    /** @param kind how errors name the object's type, e.g. {@code Deployment apps/v1} */
    ObjectSchemaCheck(String kind) {
        this.kind = kind;
    }

    void check(YamlNode node, ObjectSchema schema) {
        if (schema instanceof ObjectSchema.Scalar scalar) {
            scalar(node, scalar);
        } else if (schema instanceof ObjectSchema.ListOf list) {
            if (!(node instanceof YamlNode.ListNode items)) {
                throw wrong(node, "a list");
            }
            items.items().forEach(item -> check(item, list.items()));
        } else if (schema instanceof ObjectSchema.Struct struct) {
            struct(node, struct);
        }
    }

    private void struct(YamlNode node, ObjectSchema.Struct struct) {
        if (!(node instanceof YamlNode.MapNode map)) {
            if (node instanceof YamlNode.ScalarNode scalar && scalar.value() == null) {
                return;
            }
            throw wrong(node, "a mapping");
        }
        for (Map.Entry<String, YamlNode> entry : map.entries().entrySet()) {
            ObjectSchema field = struct.properties().get(entry.getKey());
            if (field != null) {
                check(entry.getValue(), field);
            } else if (struct.values().isPresent()) {
                check(entry.getValue(), struct.values().get());
            } else if (!struct.open()) {
                String hint = NearestName.to(entry.getKey(), struct.properties().keySet())
                        .map(near -> "; did you mean " + near + "?")
                        .orElse("");
                throw new WorldFileException(
                        map.keyLocations().get(entry.getKey()),
                        map.path() + "." + entry.getKey(),
                        "unknown field of " + kind + hint);
            }
        }
    }

    private void scalar(YamlNode node, ObjectSchema.Scalar scalar) {
        if (!(node instanceof YamlNode.ScalarNode value)) {
            throw wrong(node, scalar.type().words());
        }
        Object v = value.value();
        if (v == null) {
            return; // the API server takes null as "not set"
        }
        boolean whole =
                v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof Double) && !(v instanceof Float);
        boolean fits = switch (scalar.type()) {
            case STRING -> v instanceof String;
            case INTEGER -> whole;
            case NUMBER -> v instanceof Number;
            case BOOLEAN -> v instanceof Boolean;
            case INT_OR_STRING -> whole || v instanceof String;
            case QUANTITY -> v instanceof Number || v instanceof String;
        };
        if (!fits) {
            String quote = scalar.type() == ObjectSchema.Type.STRING ? " (quote it)" : "";
            throw new WorldFileException(
                    node.location(),
                    node.path(),
                    "must be " + scalar.type().words() + ", not " + node.kindName() + quote + ", in " + kind);
        }
        if (!scalar.allowed().isEmpty() && !scalar.allowed().contains(v.toString())) {
            throw new WorldFileException(
                    node.location(), node.path(), "must be one of " + scalar.allowed() + ", in " + kind);
        }
    }

    private WorldFileException wrong(YamlNode node, String expected) {
        return new WorldFileException(
                node.location(), node.path(), "must be " + expected + ", not " + node.kindName() + ", in " + kind);
    }
}
