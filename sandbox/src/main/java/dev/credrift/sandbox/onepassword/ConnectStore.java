package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.credential.SecretValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

// The emulator's state: vaults and items as Connect documents (FullItem JSON), each item with its
// previous version so reads can lag behind writes. Every method is synchronized: the HTTP side runs on
// a Vert.x event loop, seeding and assertions on test threads.
final class ConnectStore {

    /** lastEditedBy for changes made through the API (Connect writes as its service account). */
    static final String API_EDITOR = "connectserviceaccount00001";
    /** lastEditedBy for changes made by a human in the 1Password app. */
    static final String HUMAN_EDITOR = "humanuser0000000000000001";

    private final Clock clock;
    private final ObjectMapper json;
    private final Consumer<ObjectNode> itemCheck;
    private final Map<String, VaultState> vaults = new LinkedHashMap<>();
    private ReadAfterWriteLag lag = ReadAfterWriteLag.none();
    private Consumer<ItemSnapshot> apiWrites = written -> {};

    /**
     * @param itemCheck sees every item document before it is stored and throws (a {@link ConnectError}
     *                  for API writes) if the document must not be stored
     */
    ConnectStore(Clock clock, ObjectMapper json, Consumer<ObjectNode> itemCheck) {
        this.clock = clock;
        this.json = json;
        this.itemCheck = itemCheck;
    }

    /** Sees every item an API client created or changed, as stored, while the write is being made. */
    synchronized void onApiWrite(Consumer<ItemSnapshot> listener) {
        this.apiWrites = Objects.requireNonNull(listener, "listener");
    }

    synchronized void lag(ReadAfterWriteLag lag) {
        this.lag = Objects.requireNonNull(lag, "lag");
    }

    // ---- seeding and assertions (test side) ----

    synchronized ConnectVault createVault(String name) {
        Instant now = now();
        VaultState vault = new VaultState(ConnectIds.next(), name, now);
        vaults.put(vault.id, vault);
        return new ConnectVault(vault.id, vault.name);
    }

    synchronized void denyVault(String vaultId, boolean denied) {
        vault(vaultId).denied = denied;
    }

    synchronized ConnectItem putItem(String vaultId, String title, String category, Map<String, String> fieldsByLabel) {
        return putItem(vaultId, title, category, fieldsByLabel, Map.of());
    }

    /** As a human would make it in the app ({@link AppItem}). */
    synchronized ConnectItem putItem(
            String vaultId,
            String title,
            String category,
            Map<String, String> fieldsByLabel,
            Map<String, Map<String, String>> sectionFieldsByLabel) {
        VaultState vault = vault(vaultId);
        ObjectNode created = create(
                vault, AppItem.document(json, title, category, fieldsByLabel, sectionFieldsByLabel), HUMAN_EDITOR);
        return new ConnectItem(vault.id, created.get("id").asText(), title);
    }

    synchronized void editField(String vaultId, String itemId, String label, String value) {
        ItemState item = item(vault(vaultId), itemId);
        ObjectNode next = item.current.deepCopy();
        ObjectNode field = fieldByLabel(next, label);
        if (field == null) {
            throw new IllegalArgumentException("item " + itemId + " has no field labelled '" + label + "'");
        }
        field.put("value", value);
        commit(vault(vaultId), item, next, HUMAN_EDITOR);
    }

    synchronized ItemSnapshot snapshot(String vaultId, String itemId) {
        ObjectNode doc = item(vault(vaultId), itemId).current;
        Map<String, String> sectionLabels = new LinkedHashMap<>();
        for (JsonNode section : doc.path("sections")) {
            sectionLabels.put(section.path("id").asText(), section.path("label").asText(""));
        }
        List<ItemSnapshot.Field> fields = new ArrayList<>();
        for (JsonNode field : doc.path("fields")) {
            String sectionId = field.path("section").path("id").asText("");
            fields.add(new ItemSnapshot.Field(
                    field.path("id").asText(),
                    field.path("label").asText(""),
                    field.path("type").asText(),
                    field.path("purpose").asText(""),
                    SecretValue.of(field.path("value").asText("")),
                    sectionId.isEmpty()
                            ? Optional.empty()
                            : Optional.of(sectionLabels.getOrDefault(sectionId, sectionId))));
        }
        return new ItemSnapshot(
                vaultId,
                itemId,
                doc.path("title").asText(),
                doc.path("version").asInt(),
                Instant.parse(doc.path("updatedAt").asText()),
                doc.path("lastEditedBy").asText(),
                fields);
    }

    synchronized List<ConnectVault> vaultsNamed(String name) {
        return vaults.values().stream()
                .filter(v -> v.name.equals(name))
                .map(v -> new ConnectVault(v.id, v.name))
                .toList();
    }

    synchronized List<ConnectItem> itemsTitled(String vaultId, String title) {
        return vault(vaultId).items.values().stream()
                .filter(i -> title.equals(i.current.path("title").asText()))
                .map(i -> new ConnectItem(vaultId, i.id, title))
                .toList();
    }

    // Every field value the emulator holds or held: what must never appear in a message it writes.
    synchronized Set<String> knownValues() {
        Set<String> values = new HashSet<>();
        for (VaultState vault : vaults.values()) {
            for (ItemState item : vault.items.values()) {
                collectValues(item.current, values);
                if (item.previous != null) {
                    collectValues(item.previous, values);
                }
            }
        }
        return values;
    }

    // ---- the API side ----

    // a vault's "title" is its name (the SDKs filter vaults by title, see ConnectFilter)
    synchronized List<ObjectNode> listVaults(Optional<ConnectFilter> filter) {
        List<ObjectNode> out = new ArrayList<>();
        for (VaultState vault : vaults.values()) {
            if (!vault.denied && filter.map(f -> f.matches(vault.name)).orElse(true)) {
                out.add(vaultJson(vault));
            }
        }
        return out;
    }

    synchronized ObjectNode getVault(String vaultId) {
        return vaultJson(accessibleVault(vaultId));
    }

    synchronized List<ObjectNode> listItems(String vaultId, Optional<ConnectFilter> filter) {
        VaultState vault = accessibleVault(vaultId);
        List<ObjectNode> out = new ArrayList<>();
        for (ItemState item : vault.items.values()) {
            ObjectNode doc = visible(item, false);
            if (filter.map(f -> f.matchesItem(doc)).orElse(true)) {
                ObjectNode summary = doc.deepCopy();
                summary.remove(List.of("fields", "sections", "files"));
                out.add(summary);
            }
        }
        return out;
    }

    synchronized ObjectNode getItem(String vaultId, String itemId) {
        return visible(item(accessibleVault(vaultId), itemId), true).deepCopy();
    }

    synchronized ObjectNode createItem(String vaultId, ObjectNode body) {
        VaultState vault = accessibleVault(vaultId);
        requireVaultMatches(body, vaultId);
        return create(vault, body, API_EDITOR).deepCopy();
    }

    synchronized ObjectNode replaceItem(String vaultId, String itemId, ObjectNode body) {
        VaultState vault = accessibleVault(vaultId);
        ItemState item = item(vault, itemId);
        requireVaultMatches(body, vaultId);
        if (body.hasNonNull("id") && !itemId.equals(body.get("id").asText())) {
            throw ConnectError.badRequest("item id in the body does not match the path");
        }
        // Optimistic concurrency: a PUT of an item read at an older version would undo someone's change.
        if (body.has("version")
                && body.get("version").asInt() != item.current.path("version").asInt()) {
            throw new ConnectError(
                    409,
                    "item " + itemId + " has changed since version "
                            + body.get("version").asInt());
        }
        return commit(vault, item, body.deepCopy(), API_EDITOR).deepCopy();
    }

    synchronized ObjectNode patchItem(String vaultId, String itemId, JsonNode operations) {
        VaultState vault = accessibleVault(vaultId);
        ItemState item = item(vault, itemId);
        if (operations.isEmpty()) {
            // the spec: "If no Patch operations were provided, Item is unmodified."
            return item.current.deepCopy();
        }
        ObjectNode patched = ItemPatcher.apply(item.current.deepCopy(), operations);
        return commit(vault, item, patched, API_EDITOR).deepCopy();
    }

    synchronized void deleteItem(String vaultId, String itemId) {
        VaultState vault = accessibleVault(vaultId);
        item(vault, itemId);
        vault.items.remove(itemId);
        vault.contentVersion++;
        vault.updatedAt = now();
    }

    // ---- internals ----

    private ObjectNode create(VaultState vault, ObjectNode body, String editor) {
        Instant now = now();
        ObjectNode doc = body.deepCopy();
        String id = ConnectIds.next();
        doc.put("id", id);
        doc.putObject("vault").put("id", vault.id);
        doc.put("version", 1);
        doc.put("createdAt", now.toString());
        doc.put("updatedAt", now.toString());
        doc.put("lastEditedBy", editor);
        ItemNormalizer.normalize(doc);
        itemCheck.accept(doc);
        ItemState item = new ItemState(id, doc, now);
        vault.items.put(id, item);
        vault.contentVersion++;
        vault.updatedAt = now;
        if (API_EDITOR.equals(editor)) {
            apiWrites.accept(snapshot(vault.id, id));
        }
        return doc;
    }

    private ObjectNode commit(VaultState vault, ItemState item, ObjectNode next, String editor) {
        Instant now = now();
        ObjectNode current = item.current;
        next.put("id", item.id);
        next.putObject("vault").put("id", vault.id);
        next.put("version", current.path("version").asInt() + 1);
        next.set("createdAt", current.get("createdAt"));
        next.put("updatedAt", now.toString());
        next.put("lastEditedBy", editor);
        next.remove("state");
        ItemNormalizer.normalize(next);
        itemCheck.accept(next);
        item.previous = current;
        item.current = next;
        item.changedAt = now;
        item.staleReadsServed = 0;
        item.lagAtChange = lag;
        vault.contentVersion++;
        vault.updatedAt = now;
        if (API_EDITOR.equals(editor)) {
            apiWrites.accept(snapshot(vault.id, item.id));
        }
        return next;
    }

    // What a reader sees: the previous version while the lag in force at the last change holds.
    private ObjectNode visible(ItemState item, boolean countsAsRead) {
        if (item.previous == null) {
            return item.current;
        }
        ReadAfterWriteLag itemLag = item.lagAtChange;
        boolean inWindow = !itemLag.window().isZero() && now().isBefore(item.changedAt.plus(itemLag.window()));
        boolean readsLeft = item.staleReadsServed < itemLag.reads();
        if (inWindow || readsLeft) {
            if (countsAsRead) {
                item.staleReadsServed++;
            }
            return item.previous;
        }
        return item.current;
    }

    private void requireVaultMatches(ObjectNode body, String vaultId) {
        if (!vaultId.equals(body.path("vault").path("id").asText())) {
            throw ConnectError.badRequest("vault id in the body does not match the path");
        }
    }

    private ObjectNode vaultJson(VaultState vault) {
        ObjectNode node = json.createObjectNode();
        node.put("id", vault.id);
        node.put("name", vault.name);
        node.put("attributeVersion", 1);
        node.put("contentVersion", vault.contentVersion);
        node.put("items", vault.items.size());
        node.put("type", "USER_CREATED");
        node.put("createdAt", vault.createdAt.toString());
        node.put("updatedAt", vault.updatedAt.toString());
        return node;
    }

    private VaultState vault(String vaultId) {
        VaultState vault = vaults.get(vaultId);
        if (vault == null) {
            throw new IllegalArgumentException("no vault with id " + vaultId);
        }
        return vault;
    }

    private VaultState accessibleVault(String vaultId) {
        VaultState vault = vaults.get(vaultId);
        if (vault == null) {
            throw ConnectError.vaultNotFound(vaultId);
        }
        if (vault.denied) {
            throw new ConnectError(403, "vault " + vaultId + " is not in scope");
        }
        return vault;
    }

    private static ItemState item(VaultState vault, String itemId) {
        ItemState item = vault.items.get(itemId);
        if (item == null) {
            throw ConnectError.itemNotFound(itemId);
        }
        return item;
    }

    private static ObjectNode fieldByLabel(ObjectNode doc, String label) {
        for (JsonNode field : doc.path("fields")) {
            if (label.equals(field.path("label").asText(null))) {
                return (ObjectNode) field;
            }
        }
        return null;
    }

    private static void collectValues(ObjectNode doc, Set<String> into) {
        for (JsonNode field : doc.path("fields")) {
            String value = field.path("value").asText("");
            if (!value.isEmpty()) {
                into.add(value);
            }
        }
    }

    // Connect reports times to the millisecond.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static final class VaultState {
        final String id;
        final String name;
        final Instant createdAt;
        final Map<String, ItemState> items = new LinkedHashMap<>();
        Instant updatedAt;
        int contentVersion = 1;
        boolean denied;

        VaultState(String id, String name, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    private static final class ItemState {
        final String id;
        ObjectNode current;
        ObjectNode previous;
        Instant changedAt;
        int staleReadsServed;
        ReadAfterWriteLag lagAtChange = ReadAfterWriteLag.none();

        ItemState(String id, ObjectNode current, Instant changedAt) {
            this.id = id;
            this.current = current;
            this.changedAt = changedAt;
        }
    }
}
