package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

// Completes an item document before it is stored, as Connect does: fields get an id and a type when a client
// left them out (the spec's own PATCH example does), and missing sections, tags and favorite get their
// defaults. A field that is not an object, or an id used twice, is a 400.
final class ItemNormalizer {

    private ItemNormalizer() {}

    static void normalize(ObjectNode doc) {
        if (!(doc.get("fields") instanceof ArrayNode)) {
            doc.putArray("fields");
        }
        ArrayNode fields = (ArrayNode) doc.get("fields");
        Set<String> ids = new HashSet<>();
        for (JsonNode node : fields) {
            if (!(node instanceof ObjectNode field)) {
                throw ConnectError.badRequest("fields must be objects");
            }
            if (!field.hasNonNull("id") || field.get("id").asText().isEmpty()) {
                field.put("id", ConnectIds.next());
            }
            if (!field.hasNonNull("type")) {
                field.put("type", "STRING");
            }
            if (!ids.add(field.get("id").asText())) {
                throw ConnectError.badRequest("field id " + field.get("id").asText() + " appears twice");
            }
        }
        if (!doc.has("sections")) {
            doc.putArray("sections");
        }
        if (!doc.has("tags")) {
            doc.putArray("tags");
        }
        if (!doc.has("favorite")) {
            doc.put("favorite", false);
        }
    }
}
