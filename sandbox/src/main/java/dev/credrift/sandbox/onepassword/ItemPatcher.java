package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

// Applies an RFC 6902 patch to an item document the way Connect does: fields are addressed by their
// id (/fields/{fieldId}[/attribute]) rather than by array index, "add" at /fields appends a field, and
// "/" means the whole item. Identity and server-kept attributes cannot be patched.
final class ItemPatcher {

    private static final Set<String> PROTECTED =
            Set.of("id", "vault", "version", "createdAt", "updatedAt", "lastEditedBy", "state");

    private ItemPatcher() {}

    static ObjectNode apply(ObjectNode item, JsonNode operations) {
        ObjectNode doc = item;
        int index = 0;
        for (JsonNode operation : operations) {
            doc = applyOne(doc, operation, index++);
        }
        return doc;
    }

    private static ObjectNode applyOne(ObjectNode doc, JsonNode operation, int index) {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText();
        JsonNode value = operation.get("value");
        String where = "patch operation " + index + " (" + op + " " + path + ")";
        if ((op.equals("add") || op.equals("replace")) && value == null) {
            throw ConnectError.badRequest(where + ": a value is required");
        }
        List<String> tokens = parsePointer(path, where);
        if (tokens.size() == 1 && tokens.get(0).isEmpty()) {
            if (op.equals("remove") || !(value instanceof ObjectNode whole)) {
                throw ConnectError.badRequest(where + ": the whole item can only be replaced by an item object");
            }
            return whole.deepCopy();
        }
        if (PROTECTED.contains(tokens.get(0))) {
            throw ConnectError.badRequest(where + ": /" + tokens.get(0) + " is kept by the server");
        }
        if (tokens.get(0).equals("fields")) {
            tokens = resolveFieldId(doc, tokens, op, value, where);
        }
        applyPointer(doc, tokens, op, value, where);
        return doc;
    }

    private static List<String> resolveFieldId(
            ObjectNode doc, List<String> tokens, String op, JsonNode value, String where) {
        List<String> resolved = new ArrayList<>(tokens);
        if (tokens.size() == 1) {
            if (op.equals("add") && value instanceof ObjectNode) {
                resolved.add("-");
            }
            return resolved;
        }
        String fieldId = tokens.get(1);
        JsonNode fields = doc.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fieldId.equals(fields.get(i).path("id").asText())) {
                resolved.set(1, Integer.toString(i));
                if (tokens.size() == 2 && value instanceof ObjectNode field) {
                    JsonNode bodyId = field.get("id");
                    if (bodyId != null && !fieldId.equals(bodyId.asText())) {
                        throw ConnectError.badRequest(where + ": the field's id does not match the path");
                    }
                }
                return resolved;
            }
        }
        throw ConnectError.badRequest(where + ": the item has no field with id " + fieldId);
    }

    private static void applyPointer(ObjectNode doc, List<String> tokens, String op, JsonNode value, String where) {
        JsonNode parent = doc;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token);
            if (parent == null) {
                throw ConnectError.badRequest(where + ": the path does not exist");
            }
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            switch (op) {
                case "add" -> object.set(last, value.deepCopy());
                case "remove", "replace" -> {
                    if (!object.has(last)) {
                        throw ConnectError.badRequest(where + ": the path does not exist");
                    }
                    if (op.equals("remove")) {
                        object.remove(last);
                    } else {
                        object.set(last, value.deepCopy());
                    }
                }
                default -> throw ConnectError.badRequest(where + ": unsupported operation");
            }
        } else if (parent instanceof ArrayNode array) {
            int size = array.size();
            int at = last.equals("-") && op.equals("add") ? size : arrayIndex(last, where);
            switch (op) {
                case "add" -> {
                    if (at > size) {
                        throw ConnectError.badRequest(where + ": index out of range");
                    }
                    array.insert(at, value.deepCopy());
                }
                case "remove", "replace" -> {
                    if (at >= size) {
                        throw ConnectError.badRequest(where + ": the path does not exist");
                    }
                    if (op.equals("remove")) {
                        array.remove(at);
                    } else {
                        array.set(at, value.deepCopy());
                    }
                }
                default -> throw ConnectError.badRequest(where + ": unsupported operation");
            }
        } else {
            throw ConnectError.badRequest(where + ": the path does not exist");
        }
    }

    private static JsonNode child(JsonNode parent, String token) {
        if (parent instanceof ObjectNode object) {
            return object.get(token);
        }
        if (parent instanceof ArrayNode array && token.matches("\\d+")) {
            int i = Integer.parseInt(token);
            return i < array.size() ? array.get(i) : null;
        }
        return null;
    }

    private static int arrayIndex(String token, String where) {
        if (!token.matches("0|[1-9]\\d{0,8}")) {
            throw ConnectError.badRequest(where + ": not an array index");
        }
        return Integer.parseInt(token);
    }

    // RFC 6901: "/a/b" -> [a, b]; "~1" is "/", "~0" is "~"; "/" alone -> [""] (Connect: the whole item).
    private static List<String> parsePointer(String path, String where) {
        if (!path.startsWith("/")) {
            throw ConnectError.badRequest(where + ": path must be a JSON pointer starting with /");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
