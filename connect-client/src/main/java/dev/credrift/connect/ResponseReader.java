package dev.credrift.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.credential.SecretValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

// Reads Connect answers into our records, naming the offending part when the shape is wrong. Never
// quotes a parser message: Jackson's quote the unexpected input, which may be a secret.
final class ResponseReader {

    private static final Pattern ID = Pattern.compile("[\\da-z]{26}");

    private final ObjectMapper json;
    private final ConnectTarget target;
    private final int status;

    ResponseReader(ObjectMapper json, ConnectTarget target, int status) {
        this.json = json;
        this.target = target;
        this.status = status;
    }

    JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || node.isMissingNode()) {
                throw invalid("body", "is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw invalid(
                    "body",
                    "is not JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    List<JsonNode> array(JsonNode node, String where) {
        if (!node.isArray()) {
            throw invalid(where, "is not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    VaultRef vault(JsonNode node, String where) {
        return new VaultRef(id(node, where + ".id"), text(node, where + ".name", "name", true));
    }

    ItemRef itemRef(JsonNode node, String where, VaultRef vault) {
        requireObject(node, where);
        String vaultId = id(node.path("vault"), where + ".vault.id");
        if (!vaultId.equals(vault.id())) {
            throw invalid(where + ".vault.id", "is not the vault asked about");
        }
        JsonNode version = node.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw invalid(where + ".version", "is missing or not an integer");
        }
        return new ItemRef(
                vault,
                id(node, where + ".id"),
                text(node, where + ".title", "title", false),
                version.intValue(),
                instant(node, where + ".updatedAt"));
    }

    RawItem item(JsonNode node, VaultRef vault) {
        ItemRef ref = itemRef(node, "item", vault);
        JsonNode fieldsNode = node.path("fields");
        List<ItemField> fields = new ArrayList<>();
        List<ObjectNode> raw = new ArrayList<>();
        if (!fieldsNode.isMissingNode() && !fieldsNode.isNull()) {
            List<JsonNode> list = array(fieldsNode, "item.fields");
            for (int i = 0; i < list.size(); i++) {
                String where = "item.fields[" + i + "]";
                JsonNode field = list.get(i);
                requireObject(field, where);
                String id = text(field, where + ".id", "id", true);
                if (id.isEmpty()) {
                    throw invalid(where + ".id", "is empty");
                }
                JsonNode value = field.get("value");
                if (value != null && !value.isNull() && !value.isTextual()) {
                    throw invalid(where + ".value", "is not a string");
                }
                fields.add(new ItemField(
                        id,
                        text(field, where + ".label", "label", false),
                        text(field, where + ".type", "type", false),
                        text(field, where + ".purpose", "purpose", false),
                        field.path("section").path("id").isTextual()
                                ? field.path("section").path("id").asText()
                                : null,
                        SecretValue.of(value == null || value.isNull() ? "" : value.asText())));
                raw.add((ObjectNode) field);
            }
        }
        return new RawItem(new VaultItem(ref, fields), raw);
    }

    private String id(JsonNode node, String where) {
        String[] parts = where.split("\\.");
        String id = text(node, where, parts[parts.length - 1], true);
        if (!ID.matcher(id).matches()) {
            throw invalid(where, "is not a Connect id (26 characters of [a-z0-9])");
        }
        return id;
    }

    private String text(JsonNode node, String where, String name, boolean required) {
        requireObject(node, where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : where);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(where, "is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(where, "is not a string");
        }
        return value.asText();
    }

    private Instant instant(JsonNode node, String where) {
        String text = text(node, where, where.substring(where.lastIndexOf('.') + 1), false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(where, "is not an RFC 3339 date-time");
        }
    }

    private void requireObject(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw invalid(where, "is not an object");
        }
    }

    ConnectException.InvalidResponse invalid(String field, String problem) {
        return new ConnectException.InvalidResponse(target, status, field, problem);
    }
}
