package dev.credrift.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The read side of the typed client for the 1Password Connect REST API (spec: {@code 1password-connect-openapi.yaml}):
 * find a vault by name and an item by title, read fields by label, and check the server's heartbeat. The write side
 * ({@code write.OnePasswordConnectClient}) extends it with field writes and their read-back, through the protected
 * seams below; a role that only reads never sees it.
 *
 * <p>Calls block and are safe to make from several threads. Failures are {@link ConnectException} subtypes; values
 * are {@link SecretValue}s; neither a value nor the token reaches a message or log.
 */
public class OnePasswordReader {

    private static final Pattern ID = Pattern.compile("[\\da-z]{26}");

    private final ConnectHttp http;
    private final ObjectMapper json = new ObjectMapper();

    /** A reader for this server whose {@code Retry-After} dates follow {@code clock}; the token file is read later. */
    protected OnePasswordReader(ConnectClientConfig config, Clock clock) {
        this.http = ConnectHttp.create(config, Objects.requireNonNull(clock, "clock"), json);
    }

    // ---- finding ----

    /** The one vault with this exact name. */
    public VaultRef findVaultByName(String vaultName) {
        requireText("vaultName", vaultName);
        ConnectTarget target = ConnectTarget.vaultNamed(vaultName);
        ConnectHttp.Answer answer =
                http.send("GET", "/v1/vaults?filter=" + eqFilter("name", vaultName), null, target, List.of());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        List<VaultRef> matches = new ArrayList<>();
        List<JsonNode> vaults = reader.array(reader.parse(answer.text()), "body");
        for (int i = 0; i < vaults.size(); i++) {
            VaultRef vault = reader.vault(vaults.get(i), "body[" + i + "]");
            if (vaultName.equals(vault.name())) {
                matches.add(vault);
            }
        }
        if (matches.isEmpty()) {
            throw new ConnectException.NotFound(target, ConnectException.NotFound.Missing.VAULT, answer.status(), "");
        }
        if (matches.size() > 1) {
            throw new ConnectException.Ambiguous(target, matches.size());
        }
        return matches.get(0);
    }

    /** The one item with this exact title in the vault with this id. */
    public ItemRef findItemByTitle(String vaultId, String title) {
        return findItemByTitle(new VaultRef(requireId("vaultId", vaultId), null), title);
    }

    /** The one item with this exact title in {@code vault}. */
    public ItemRef findItemByTitle(VaultRef vault, String title) {
        requireId("vault.id", vault.id());
        requireText("title", title);
        ConnectTarget target = new ConnectTarget(vault.id(), vault.name(), null, title);
        ConnectHttp.Answer answer = http.send(
                "GET", itemsPath(vault.id()) + "?filter=" + eqFilter("title", title), null, target, List.of());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        List<ItemRef> matches = new ArrayList<>();
        List<JsonNode> items = reader.array(reader.parse(answer.text()), "body");
        for (int i = 0; i < items.size(); i++) {
            ItemRef item = reader.itemRef(items.get(i), "body[" + i + "]", vault);
            if (title.equals(item.title())) {
                matches.add(item);
            }
        }
        if (matches.isEmpty()) {
            throw new ConnectException.NotFound(target, ConnectException.NotFound.Missing.ITEM, answer.status(), "");
        }
        if (matches.size() > 1) {
            throw new ConnectException.Ambiguous(target, matches.size());
        }
        return matches.get(0);
    }

    /** {@link #findVaultByName} then {@link #findItemByTitle(VaultRef, String)}: how a binding names its item. */
    public ItemRef locateItem(String vaultName, String itemTitle) {
        return findItemByTitle(findVaultByName(vaultName), itemTitle);
    }

    // ---- reading ----

    /** The full item with this id. */
    public VaultItem getItem(String vaultId, String itemId) {
        return getItem(itemByIds(vaultId, itemId));
    }

    /** The full item {@code item} refers to, at whatever version the server serves now. */
    public VaultItem getItem(ItemRef item) {
        return fetch(item).item();
    }

    /** The values of these fields, by label; each label must name exactly one field. */
    public FieldValues readFields(String vaultId, String itemId, Collection<String> labels) {
        return readFields(getItem(vaultId, itemId).ref(), labels);
    }

    /** The values of these fields of {@code item}, by label; each label must name exactly one field. */
    public FieldValues readFields(ItemRef item, Collection<String> labels) {
        requireLabels(labels);
        VaultItem full = fetch(item).item();
        Map<String, SecretValue> values = new LinkedHashMap<>();
        for (String label : labels) {
            values.put(label, full.field(label).value());
        }
        return new FieldValues(full.ref(), values);
    }

    /** The S3 credential the item holds in these two fields. */
    public VaultCredential readCredentialFields(String vaultId, String itemId, CredentialFieldLabels labels) {
        return readCredentialFields(getItem(vaultId, itemId).ref(), labels);
    }

    /** The S3 credential {@code item} holds in these two fields; both must be non-empty. */
    public VaultCredential readCredentialFields(ItemRef item, CredentialFieldLabels labels) {
        FieldValues values = readFields(item, labels.asList());
        ConnectTarget target = ConnectTarget.item(values.item());
        SecretValue accessKeyId = values.byLabel().get(labels.accessKeyId());
        SecretValue secret = values.byLabel().get(labels.secretAccessKey());
        if (accessKeyId.isEmpty()) {
            throw new ConnectException.FieldProblem(
                    target, labels.accessKeyId(), ConnectException.FieldProblem.Problem.EMPTY);
        }
        if (secret.isEmpty()) {
            throw new ConnectException.FieldProblem(
                    target, labels.secretAccessKey(), ConnectException.FieldProblem.Problem.EMPTY);
        }
        try {
            return new VaultCredential(values.item(), new Credential(accessKeyId.reveal(), secret));
        } catch (ContractViolation e) {
            throw new ConnectException.FieldProblem(
                    target, labels.accessKeyId(), ConnectException.FieldProblem.Problem.MALFORMED);
        }
    }

    /** {@code GET /heartbeat} answered; throws the {@link ConnectException} otherwise. */
    public void heartbeat() {
        // /heartbeat is text/plain: asked through the JSON path it would be refused, so only the status counts
        http.sendHeartbeat(ConnectTarget.vaultNamed("(heartbeat)"));
    }

    // ---- for the write side ----

    /** The item {@code item} refers to as the server serves it now, with its fields as sent. */
    protected final RawItem fetch(ItemRef item) {
        ConnectTarget target = ConnectTarget.item(item);
        ConnectHttp.Answer answer = http.send("GET", itemPath(item), null, target, List.of());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        RawItem parsed = reader.item(reader.parse(answer.text()), item.vault());
        if (!parsed.item().ref().id().equals(item.id())) {
            throw reader.invalid("item.id", "is not the item asked for");
        }
        return parsed;
    }

    /**
     * Sends a request whose answer is an item of {@code vault}, and reads it.
     *
     * @param sentValues secrets the request carries, blanked out of any server message an error quotes
     */
    protected final RawItem sendForItem(
            String method, ItemRef item, String jsonBody, Collection<SecretValue> sentValues) {
        ConnectTarget target = ConnectTarget.item(item);
        ConnectHttp.Answer answer = http.send(method, itemPath(item), jsonBody, target, sentValues);
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        return reader.item(reader.parse(answer.text()), item.vault());
    }

    /** A reference to the item with these ids, each checked to be a Connect id. */
    protected static ItemRef itemByIds(String vaultId, String itemId) {
        return new ItemRef(
                new VaultRef(requireId("vaultId", vaultId), null), requireId("itemId", itemId), null, 0, null);
    }

    // ---- internals ----

    private static String itemsPath(String vaultId) {
        return "/v1/vaults/" + vaultId + "/items";
    }

    private static String itemPath(ItemRef item) {
        return itemsPath(item.vault().id()) + "/" + item.id();
    }

    // SCIM: attr eq "value", with " and \ escaped; spaces as %20 (a '+' means space only to some servers)
    private static String eqFilter(String attribute, String value) {
        String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return URLEncoder.encode(attribute + " eq " + quoted, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String requireId(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be a Connect id (26 characters of [a-z0-9])");
        }
        return id;
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /** At least one label, none empty. */
    protected static void requireLabels(Collection<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("at least one field label is required");
        }
        labels.forEach(label -> requireText("field label", label));
    }
}
