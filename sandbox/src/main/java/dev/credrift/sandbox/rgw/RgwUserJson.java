package dev.credrift.sandbox.rgw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.credential.Credential;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the user JSON that {@code radosgw-admin user create|info|suspend} and {@code key create|rm} print:
 * <pre>{@code {"user_id": "loki", "suspended": 0, "keys": [{"user": "loki", "access_key": "…", "secret_key": "…"}], …}}</pre>
 * Errors name the field, never a value, and do not chain Jackson's exception (its message quotes the input).
 */
final class RgwUserJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RgwUserJson() {}

    /**
     * @throws RealRgwException naming {@code step} and the field that is missing or malformed
     */
    static RgwUser parse(String step, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RealRgwException(
                    step,
                    "radosgw-admin printed no valid JSON (" + e.getClass().getSimpleName() + " at line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new RealRgwException(step, "radosgw-admin printed no JSON object");
        }
        String uid = text(step, root, "user_id");
        JsonNode suspended = root.get("suspended");
        if (suspended == null || !suspended.isInt()) {
            throw new RealRgwException(step, "user JSON: field 'suspended' is missing or not a number");
        }
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new RealRgwException(step, "user JSON: field 'keys' is missing or not an array");
        }
        List<Credential> credentials = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            String field = "keys[" + i + "]";
            if (!key.isObject()) {
                throw new RealRgwException(step, "user JSON: " + field + " is not an object");
            }
            // a subuser's keys are listed as "uid:subuser"; only the user's own keys are S3 keys of the user
            if (!uid.equals(text(step, key, field + ".user", "user"))) {
                continue;
            }
            String accessKey = text(step, key, field + ".access_key", "access_key");
            String secretKey = text(step, key, field + ".secret_key", "secret_key");
            try {
                credentials.add(Credential.of(accessKey, secretKey));
            } catch (ContractViolation e) {
                throw new RealRgwException(step, "user JSON: " + field + " is not a valid key pair");
            }
        }
        return new RgwUser(uid, suspended.asInt() != 0, credentials);
    }

    private static String text(String step, JsonNode node, String field) {
        return text(step, node, field, field);
    }

    private static String text(String step, JsonNode node, String fieldPath, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new RealRgwException(step, "user JSON: field '" + fieldPath + "' is missing or not a string");
        }
        return value.asText();
    }
}
