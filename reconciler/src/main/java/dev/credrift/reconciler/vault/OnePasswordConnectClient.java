package dev.credrift.reconciler.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small typed client for the 1Password Connect REST API (spec: {@code 1password-connect-openapi.yaml}),
 * covering what credrift needs: find a vault by name and an item by title, read fields by label, and
 * write field values with a PATCH that touches only those fields, then read back until the write is
 * visible (Connect can serve the previous version right after a write).
 *
 * <p>Calls block and are safe to make from several threads. Failures are {@link ConnectException}
 * subtypes; values are {@link SecretValue}s; neither a value nor the token reaches a message or log.
 */
public final class OnePasswordConnectClient {

    private static final Logger LOG = LoggerFactory.getLogger(OnePasswordConnectClient.class);
    private static final Pattern ID = Pattern.compile("[\\da-z]{26}");

    private final ConnectHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final ReadBackPolicy readBack;
    private final Clock clock;
    private final Sleeper sleeper;

    // Waiting between read-backs; a seam so a test can observe the pauses.
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    OnePasswordConnectClient(ConnectClientConfig config, Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.readBack = config.readBack();
        this.http = new ConnectHttp(config, new TokenFile(config.tokenFile()), clock, json);
    }

    /** A client for this server; the token file is read on first use, not here. */
    public static OnePasswordConnectClient create(ConnectClientConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** A client whose read-back deadline and {@code Retry-After} dates follow {@code clock}. */
    public static OnePasswordConnectClient create(ConnectClientConfig config, Clock clock) {
        return new OnePasswordConnectClient(config, clock, d -> Thread.sleep(d.toMillis()));
    }

    // ---- finding ----

    /** The one vault with this exact name. */
    public VaultRef findVaultByName(String vaultName) {
        requireText("vaultName", vaultName);
        ConnectTarget target = ConnectTarget.vaultNamed(vaultName);
        ConnectHttp.Answer answer = http.send("GET", "/v1/vaults?filter=" + eqFilter("name", vaultName), null, target, List.of());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        List<VaultRef> matches = new ArrayList<>();
        List<JsonNode> vaults = reader.array(reader.parse(answer.body()), "body");
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
        ConnectHttp.Answer answer = http.send("GET", itemsPath(vault.id()) + "?filter=" + eqFilter("title", title), null,
                target, List.of());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        List<ItemRef> matches = new ArrayList<>();
        List<JsonNode> items = reader.array(reader.parse(answer.body()), "body");
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
        return getItem(new ItemRef(new VaultRef(requireId("vaultId", vaultId), null), requireId("itemId", itemId), null, 0, null));
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
            values.put(label, field(full, label).value());
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
            throw new ConnectException.FieldProblem(target, labels.accessKeyId(), ConnectException.FieldProblem.Problem.EMPTY);
        }
        if (secret.isEmpty()) {
            throw new ConnectException.FieldProblem(target, labels.secretAccessKey(), ConnectException.FieldProblem.Problem.EMPTY);
        }
        try {
            return new VaultCredential(values.item(), new Credential(accessKeyId.reveal(), secret));
        } catch (ContractViolation e) {
            throw new ConnectException.FieldProblem(target, labels.accessKeyId(), ConnectException.FieldProblem.Problem.MALFORMED);
        }
    }

    // ---- writing ----

    /** Writes the credential into these two fields; see {@link #patchFields(ItemRef, Map)}. */
    public WriteResult writeCredential(ItemRef item, CredentialFieldLabels labels, Credential credential) {
        Map<String, SecretValue> values = new LinkedHashMap<>();
        values.put(labels.accessKeyId(), SecretValue.of(credential.accessKeyId()));
        values.put(labels.secretAccessKey(), credential.secret());
        return patchFields(item, values);
    }

    /** {@link #patchFields(ItemRef, Map)} by ids. */
    public WriteResult patchFields(String vaultId, String itemId, Map<String, SecretValue> newValuesByLabel) {
        return patchFields(new ItemRef(new VaultRef(requireId("vaultId", vaultId), null), requireId("itemId", itemId), null, 0, null),
                newValuesByLabel);
    }

    /**
     * Sets these fields (by label) to these values and returns once a read shows them. Reads the item
     * first and sends nothing when every field already holds its value (so a step can be repeated);
     * otherwise sends one PATCH of lowercase {@code replace} operations at {@code /fields/{fieldId}},
     * each carrying the whole field as read with only its value changed: the form the spec allows,
     * which leaves every other field (a human's edit, say) alone.
     *
     * @throws ConnectException.NotVisible if reads keep showing the old values past the read-back policy
     * @throws ConnectException.Conflict   if the item moved on past our write without our values
     */
    public WriteResult patchFields(ItemRef item, Map<String, SecretValue> newValuesByLabel) {
        requireLabels(newValuesByLabel.keySet());
        newValuesByLabel.values().forEach(v -> Objects.requireNonNull(v, "new field value"));
        ResponseReader.ParsedItem current = fetch(item);
        ItemRef ref = current.item().ref();
        ConnectTarget target = ConnectTarget.item(ref);
        ArrayNode operations = json.createArrayNode();
        for (Map.Entry<String, SecretValue> change : newValuesByLabel.entrySet()) {
            ItemField field = field(current.item(), change.getKey());
            if (field.value().equals(change.getValue())) {
                continue;
            }
            ObjectNode whole = current.rawFields().get(current.item().fields().indexOf(field)).deepCopy();
            whole.remove("entropy"); // read-only: the server computes it
            whole.put("value", change.getValue().reveal());
            ObjectNode operation = operations.addObject();
            operation.put("op", "replace");
            operation.put("path", "/fields/" + pointerEscape(field.id()));
            operation.set("value", whole);
        }
        if (operations.isEmpty()) {
            LOG.debug("1Password {}: fields {} already hold their values; nothing written", target, newValuesByLabel.keySet());
            return new WriteResult(ref, false, 0);
        }
        String body;
        try {
            body = json.writeValueAsString(operations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a PATCH for " + target.describe());
        }
        ConnectHttp.Answer answer = http.send("PATCH", itemPath(ref), body, target, newValuesByLabel.values());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        ItemRef written = reader.item(reader.parse(answer.body()), ref.vault()).item().ref();
        LOG.info("1Password {}: wrote fields {} (version {} -> {}); reading back", target, newValuesByLabel.keySet(),
                ref.version(), written.version());
        ReadBack seen = awaitVisible(written, newValuesByLabel);
        return new WriteResult(seen.item(), true, seen.attempts());
    }

    /** What a read-back found: the item version that shows the values, after how many reads. */
    public record ReadBack(ItemRef item, int attempts) {
    }

    /**
     * Reads {@code written} until the server serves version {@code written.version()} or later with
     * these values, within the read-back policy.
     */
    public ReadBack awaitVisible(ItemRef written, Map<String, SecretValue> expectedByLabel) {
        ConnectTarget target = ConnectTarget.item(written);
        Instant started = clock.instant();
        Instant deadline = started.plus(readBack.timeout());
        Duration delay = readBack.initialDelay();
        int attempts = 0;
        while (true) {
            attempts++;
            VaultItem seen = fetch(written).item();
            int version = seen.ref().version();
            boolean matches = expectedByLabel.entrySet().stream()
                    .allMatch(e -> field(seen, e.getKey()).value().equals(e.getValue()));
            if (version >= written.version() && matches) {
                LOG.debug("1Password {}: version {} visible after {} read(s)", target, version, attempts);
                return new ReadBack(seen.ref(), attempts);
            }
            if (version > written.version()) {
                // someone changed our fields again after our write: ours is gone, do not wait for it
                throw new ConnectException.Conflict(target, 200, " (version " + version + " no longer holds the values written at version "
                        + written.version() + ")");
            }
            Instant now = clock.instant();
            if (attempts >= readBack.maxAttempts() || now.plus(delay).isAfter(deadline)) {
                throw new ConnectException.NotVisible(target, written.version(), version, attempts, Duration.between(started, now));
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException.Unreachable(target, "(read-back)", ConnectException.Unreachable.Reason.INTERRUPTED, e);
            }
            delay = delay.multipliedBy(2).compareTo(readBack.maxDelay()) > 0 ? readBack.maxDelay() : delay.multipliedBy(2);
        }
    }

    /** {@code GET /heartbeat} answered; throws the {@link ConnectException} otherwise. */
    public void heartbeat() {
        // /heartbeat is text/plain: asked through the JSON path it would be refused, so only the status counts
        http.sendHeartbeat(ConnectTarget.vaultNamed("(heartbeat)"));
    }

    // ---- internals ----

    private ResponseReader.ParsedItem fetch(ItemRef item) {
        ConnectTarget target = ConnectTarget.item(item);
        ConnectHttp.Answer answer = http.send("GET", itemPath(item), null, target, List.of());
        ResponseReader reader = new ResponseReader(json, target, answer.status());
        ResponseReader.ParsedItem parsed = reader.item(reader.parse(answer.body()), item.vault());
        if (!parsed.item().ref().id().equals(item.id())) {
            throw reader.invalid("item.id", "is not the item asked for");
        }
        return parsed;
    }

    private static ItemField field(VaultItem item, String label) {
        List<ItemField> matches = item.fields().stream().filter(f -> label.equals(f.label())).toList();
        ConnectTarget target = ConnectTarget.item(item.ref());
        if (matches.isEmpty()) {
            throw new ConnectException.FieldProblem(target, label, ConnectException.FieldProblem.Problem.MISSING);
        }
        if (matches.size() > 1) {
            throw new ConnectException.FieldProblem(target, label, ConnectException.FieldProblem.Problem.DUPLICATE_LABEL);
        }
        return matches.get(0);
    }

    private static String itemsPath(String vaultId) {
        return "/v1/vaults/" + vaultId + "/items";
    }

    private static String itemPath(ItemRef item) {
        return itemsPath(item.vault().id()) + "/" + item.id();
    }

    // SCIM: attr eq "value", with " and \ escaped; spaces as %20 (a '+' means space only to some servers)
    private static String eqFilter(String attribute, String value) {
        String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return URLEncoder.encode(attribute + " eq " + quoted, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // RFC 6901
    private static String pointerEscape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
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

    private static void requireLabels(Collection<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("at least one field label is required");
        }
        labels.forEach(label -> requireText("field label", label));
    }
}
