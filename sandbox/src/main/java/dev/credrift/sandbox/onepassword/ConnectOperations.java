package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

// The Connect operations the emulator serves, from a request already authenticated and checked against the spec
// to the answer that ConnectApi checks again before it leaves: vaults, items, health and heartbeat.
final class ConnectOperations {

    private final ConnectStore store;
    private final ObjectMapper json;

    ConnectOperations(ConnectStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    ConnectApi.Reply dispatch(String method, String path, MultiMap query, String body) {
        List<String> segments = segments(path);
        if (segments.equals(List.of("heartbeat"))) {
            return new ConnectApi.Reply(200, "text/plain", ".", Map.of(), ConnectApi.Check.STRICT);
        }
        if (segments.equals(List.of("health"))) {
            return ConnectApi.Reply.ok(health());
        }
        if (segments.size() >= 2
                && segments.get(0).equals("v1")
                && segments.get(1).equals("vaults")) {
            List<String> rest = segments.subList(2, segments.size());
            switch (rest.size()) {
                case 0:
                    return ConnectApi.Reply.ok(
                            array(store.listVaults(filter(query, ConnectFilter.VAULT_ATTRIBUTES, false))));
                case 1:
                    return ConnectApi.Reply.ok(store.getVault(rest.get(0)));
                case 2:
                    if (rest.get(1).equals("items")) {
                        return items(method, rest.get(0), query, body);
                    }
                    break;
                case 3:
                    if (rest.get(1).equals("items")) {
                        return item(method, rest.get(0), rest.get(2), body);
                    }
                    break;
                default:
                    break;
            }
        }
        // A valid request for an operation the emulator leaves out (files, activity, metrics).
        return ConnectApi.Reply.error(501, "not implemented by the 1Password Connect emulator: " + method + " " + path);
    }

    private ConnectApi.Reply items(String method, String vaultId, MultiMap query, String body) {
        return switch (method) {
            case "GET" ->
                ConnectApi.Reply.ok(
                        array(store.listItems(vaultId, filter(query, ConnectFilter.ITEM_ATTRIBUTES, true))));
            case "POST" -> ConnectApi.Reply.ok(store.createItem(vaultId, object(body)));
            default -> throw new ConnectError(405, "method not allowed");
        };
    }

    private ConnectApi.Reply item(String method, String vaultId, String itemId, String body) {
        return switch (method) {
            case "GET" -> ConnectApi.Reply.ok(store.getItem(vaultId, itemId));
            case "PUT" -> ConnectApi.Reply.ok(store.replaceItem(vaultId, itemId, object(body)));
            case "PATCH" -> ConnectApi.Reply.ok(store.patchItem(vaultId, itemId, parse(body)));
            case "DELETE" -> {
                store.deleteItem(vaultId, itemId);
                yield new ConnectApi.Reply(204, null, null, Map.of(), ConnectApi.Check.STRICT);
            }
            default -> throw new ConnectError(405, "method not allowed");
        };
    }

    private ObjectNode health() {
        ObjectNode health = json.createObjectNode();
        health.put("name", "1Password Connect API");
        health.put("version", "1.7.1");
        ObjectNode dependency = health.putArray("dependencies").addObject();
        dependency.put("service", "sqlite");
        dependency.put("status", "ACTIVE");
        dependency.put("message", "in memory (credrift emulator)");
        return health;
    }

    private static Optional<ConnectFilter> filter(MultiMap query, Set<String> attributes, boolean allowContains) {
        String filter = query.get("filter");
        return filter == null ? Optional.empty() : Optional.of(ConnectFilter.parse(filter, attributes, allowContains));
    }

    private ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode array = json.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ConnectError.badRequest("body is not JSON");
        }
    }

    private ObjectNode object(String body) {
        if (parse(body) instanceof ObjectNode node) {
            return node;
        }
        throw ConnectError.badRequest("body must be a JSON object");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return Collections.unmodifiableList(segments);
    }
}
