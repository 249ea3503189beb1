package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;

// The secrets in the emulator's traffic: what a validator message might quote and must not leave as text.
final class FieldValues {

    private FieldValues() {}

    /** Stored field values, every "value" string in the body, the token and the Authorization header. */
    static Set<String> quotable(
            Set<String> stored, String token, String authorization, String body, ObjectMapper json) {
        Set<String> secrets = new HashSet<>(stored);
        secrets.add(token);
        if (authorization != null) {
            secrets.add(authorization);
            if (authorization.startsWith("Bearer ")) {
                secrets.add(authorization.substring("Bearer ".length()));
            }
        }
        if (body != null) {
            try {
                collect(json.readTree(body), secrets);
            } catch (JsonProcessingException e) {
                secrets.add(body);
            }
        }
        secrets.remove("");
        return secrets;
    }

    /** Every string under a "value" key anywhere in {@code node}. */
    static void collect(JsonNode node, Set<String> into) {
        collect(node, false, into);
    }

    private static void collect(JsonNode node, boolean underValue, Set<String> into) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && underValue) {
            into.add(node.asText());
        } else if (node.isObject()) {
            node.properties()
                    .forEach(e -> collect(e.getValue(), underValue || e.getKey().equals("value"), into));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, underValue, into));
        }
    }
}
