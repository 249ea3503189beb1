package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Where the real Connect server accepts requests the bundled OpenAPI file would refuse, the request is brought into
 * the shape the spec describes before it is validated — so that everything else the spec and the server both refuse
 * is still refused. Each rule names its evidence; the server wins over the file.
 */
final class ServerLeniency {

    private static final Pattern ITEMS = Pattern.compile("^/v1/vaults/[^/]+/items$");
    private static final Pattern ITEM = Pattern.compile("^/v1/vaults/[^/]+/items/[^/]+$");

    private final ObjectMapper json;

    ServerLeniency(ObjectMapper json) {
        this.json = json;
    }

    /**
     * {@code /v1/vaults/} and {@code /v1/vaults/{id}/items/} are the paths the official JS SDK requests
     * ({@code @1password/connect} 1.4.2, {@code resources.js}: {@code basePath = "v1/vaults"} then
     * {@code `${basePath}/`}; items {@code `v1/vaults/${vaultId}/items/`}), and its list and create calls work against
     * Connect: the server routes a trailing slash like none. The spec file lists only the paths without it.
     */
    String path(String path) {
        if (path.length() > 1 && path.startsWith("/v1/") && path.endsWith("/")) {
            return path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * Fields without an {@code id} in a created or replaced item get one, as the server assigns them. The spec's
     * {@code Field} requires {@code id}, but the official JS SDK's {@code ItemBuilder.addField} never sets one
     * ({@code builders.js}: the field is {@code {type, purpose, label, value, generate, recipe[, section]}}), and
     * items built with it are created by Connect (connect-sdk-js issue #108, Connect 1.7.2: "Create an item using
     * the ItemBuilder" creates it, with the new fields); 1Password's API reference ("Add an item") shows fields
     * without ids too. Other spec rules — {@code vault.id} (connect-sdk-js issue #122: an update without
     * {@code item.vault} fails), {@code category}, field {@code type} — stay enforced.
     *
     * @return the body to validate and store: unchanged unless it is an item write with fields lacking ids
     */
    String body(String method, String path, String body) {
        boolean itemWrite = method.equals("POST") && ITEMS.matcher(path).matches()
                || method.equals("PUT") && ITEM.matcher(path).matches();
        if (body == null || body.isBlank() || !itemWrite) {
            return body;
        }
        JsonNode doc;
        try {
            doc = json.readTree(body);
        } catch (JsonProcessingException e) {
            return body; // the validator reports it
        }
        if (!(doc instanceof ObjectNode item) || !item.path("fields").isArray()) {
            return body;
        }
        boolean changed = false;
        for (JsonNode field : item.get("fields")) {
            if (field instanceof ObjectNode f
                    && (!f.hasNonNull("id") || f.get("id").asText().isEmpty())) {
                f.put("id", ConnectIds.next());
                changed = true;
            }
        }
        return changed ? item.toString() : body;
    }
}
