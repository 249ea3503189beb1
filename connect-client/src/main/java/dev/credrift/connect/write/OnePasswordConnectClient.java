package dev.credrift.connect.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.ConnectException;
import dev.credrift.connect.ConnectTarget;
import dev.credrift.connect.CredentialFieldLabels;
import dev.credrift.connect.ItemField;
import dev.credrift.connect.ItemRef;
import dev.credrift.connect.OnePasswordReader;
import dev.credrift.connect.RawItem;
import dev.credrift.connect.ReadBackPolicy;
import dev.credrift.connect.VaultItem;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed 1Password Connect client with its write side: everything {@link OnePasswordReader} reads, and writing
 * field values with a PATCH that touches only those fields, then reading back until the write is visible (Connect
 * can serve the previous version right after a write). Only the reconciler writes; the watcher cannot import this
 * package (import-control).
 *
 * <p>Calls block and are safe to make from several threads. Failures are {@link ConnectException}
 * subtypes; values are {@link SecretValue}s; neither a value nor the token reaches a message or log.
 */
public final class OnePasswordConnectClient extends OnePasswordReader {

    private static final Logger LOG = LoggerFactory.getLogger(OnePasswordConnectClient.class);

    private final ObjectMapper json = new ObjectMapper();
    private final ReadBackPolicy readBack;
    private final Clock clock;
    private final Sleeper sleeper;

    // Waiting between read-backs; a seam so a test can observe the pauses.
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    OnePasswordConnectClient(ConnectClientConfig config, Clock clock, Sleeper sleeper) {
        super(config, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.readBack = config.readBack();
    }

    /** A client for this server; the token file is read on first use, not here. */
    public static OnePasswordConnectClient create(ConnectClientConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** A client whose read-back deadline and {@code Retry-After} dates follow {@code clock}. */
    public static OnePasswordConnectClient create(ConnectClientConfig config, Clock clock) {
        return new OnePasswordConnectClient(config, clock, d -> Thread.sleep(d.toMillis()));
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
        return patchFields(itemByIds(vaultId, itemId), newValuesByLabel);
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
        RawItem current = fetch(item);
        ItemRef ref = current.item().ref();
        ConnectTarget target = ConnectTarget.item(ref);
        ArrayNode operations = json.createArrayNode();
        for (Map.Entry<String, SecretValue> change : newValuesByLabel.entrySet()) {
            ItemField field = current.item().field(change.getKey());
            if (field.value().equals(change.getValue())) {
                continue;
            }
            ObjectNode whole = current.rawFields()
                    .get(current.item().fields().indexOf(field))
                    .deepCopy();
            whole.remove("entropy"); // read-only: the server computes it
            whole.put("value", change.getValue().reveal());
            ObjectNode operation = operations.addObject();
            operation.put("op", "replace");
            operation.put("path", "/fields/" + pointerEscape(field.id()));
            operation.set("value", whole);
        }
        if (operations.isEmpty()) {
            LOG.debug(
                    "1Password {}: fields {} already hold their values; nothing written",
                    target,
                    newValuesByLabel.keySet());
            return new WriteResult(ref, false, 0);
        }
        String body;
        try {
            body = json.writeValueAsString(operations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a PATCH for " + target.describe());
        }
        ItemRef written = sendForItem("PATCH", ref, body, newValuesByLabel.values())
                .item()
                .ref();
        LOG.info(
                "1Password {}: wrote fields {} (version {} -> {}); reading back",
                target,
                newValuesByLabel.keySet(),
                ref.version(),
                written.version());
        ReadBack seen = awaitVisible(written, newValuesByLabel);
        return new WriteResult(seen.item(), true, seen.attempts());
    }

    /** What a read-back found: the item version that shows the values, after how many reads. */
    public record ReadBack(ItemRef item, int attempts) {}

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
                    .allMatch(e -> seen.field(e.getKey()).value().equals(e.getValue()));
            if (version >= written.version() && matches) {
                LOG.debug("1Password {}: version {} visible after {} read(s)", target, version, attempts);
                return new ReadBack(seen.ref(), attempts);
            }
            if (version > written.version()) {
                // someone changed our fields again after our write: ours is gone, do not wait for it
                throw new ConnectException.Conflict(
                        target,
                        200,
                        " (version " + version + " no longer holds the values written at version " + written.version()
                                + ")");
            }
            Instant now = clock.instant();
            if (attempts >= readBack.maxAttempts() || now.plus(delay).isAfter(deadline)) {
                throw new ConnectException.NotVisible(
                        target, written.version(), version, attempts, Duration.between(started, now));
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException.Unreachable(
                        target, "(read-back)", ConnectException.Unreachable.Reason.INTERRUPTED, e);
            }
            delay = delay.multipliedBy(2).compareTo(readBack.maxDelay()) > 0
                    ? readBack.maxDelay()
                    : delay.multipliedBy(2);
        }
    }

    // RFC 6901
    private static String pointerEscape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
