package dev.credrift.watcher.vault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credrift.connect.ConnectAnswer;
import dev.credrift.connect.ConnectReader;
import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.LoggingKeys;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.ObservedCredential;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.VaultItemObserved;
import dev.credrift.watcher.publish.Backoff;
import dev.credrift.watcher.resource.Problems;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of every item the bindings name, within the request budget: per vault, the vault's id (looked up by name
 * once, {@code GET /v1/vaults?filter=name eq "…"}), its item list ({@code GET /v1/vaults/{id}/items}, whose summaries
 * carry {@code version}), and the full item ({@code GET /v1/vaults/{id}/items/{id}}) only when its version is not the
 * one read last. Reports, per binding, a {@link VaultItemObserved} whenever it differs from the last one reported
 * (first poll, new version, new fingerprint, a problem appearing or going away).
 *
 * <p>Failures are typed problems on the observations of the bindings they concern: 401/403 {@code FORBIDDEN}, 404
 * {@code MISSING_OBJECT}, 429/5xx/no answer {@code UNREACHABLE}, after which polling backs off (the server's
 * {@code Retry-After} at least). When the budget runs out, the poll stops and the next one starts where it stopped,
 * so that no vault starves. Field values live only long enough to be fingerprinted; messages name vaults, items and
 * field labels, never a value or the token.
 *
 * <p>Not thread-safe: one polling thread owns it.
 */
public final class VaultPoller {

    private static final Logger LOG = LoggerFactory.getLogger(VaultPoller.class);
    private static final Pattern CONNECT_ID = Pattern.compile("[a-z0-9]{26}");

    private final ConnectReader connect;
    private final Fingerprinter fingerprinter;
    private final RequestBudget budget;
    private final Backoff backoff;
    private final LongSupplier nanoTime;

    private final Map<String, String> vaultIds = new HashMap<>();
    private final Map<String, ItemState> items = new HashMap<>();
    private final Map<BindingId, VaultItemObserved> reported = new HashMap<>();
    private String resumeAt;
    private int failures;
    private long quietUntil;
    private boolean quiet;

    VaultPoller(
            ConnectReader connect,
            Fingerprinter fingerprinter,
            RequestBudget budget,
            Backoff backoff,
            LongSupplier nanoTime) {
        this.connect = Objects.requireNonNull(connect, "connect");
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Polls what {@code targets} name (as far as budget and backoff allow); returns the observations that changed. */
    public List<VaultItemObserved> poll(Collection<VaultTarget> targets) {
        Set<BindingId> current = new HashSet<>();
        targets.forEach(t -> current.add(t.bindingId()));
        reported.keySet().retainAll(current);
        List<VaultItemObserved> changed = new ArrayList<>();
        if (quiet && nanoTime.getAsLong() - quietUntil < 0) {
            return changed;
        }
        quiet = false;
        TreeMap<String, List<VaultTarget>> byVault = new TreeMap<>();
        targets.forEach(
                t -> byVault.computeIfAbsent(t.vault(), k -> new ArrayList<>()).add(t));
        List<String> order = new ArrayList<>(
                byVault.tailMap(resumeAt == null ? "" : resumeAt, true).keySet());
        order.addAll(byVault.headMap(resumeAt == null ? "" : resumeAt, false).keySet());
        resumeAt = null;
        for (String vault : order) {
            Outcome outcome = pollVault(vault, byVault.get(vault), changed);
            if (outcome != Outcome.DONE) {
                resumeAt = vault;
                break;
            }
        }
        return changed;
    }

    /** Forgets what was reported, so that the next poll reports every binding again (a new leader, say). */
    public void reset() {
        reported.clear();
    }

    private enum Outcome {
        DONE,
        OUT_OF_BUDGET,
        BACKING_OFF
    }

    private Outcome pollVault(String vault, List<VaultTarget> targets, List<VaultItemObserved> changed) {
        String vaultId = vaultIds.get(vault);
        if (vaultId == null) {
            if (!budget.tryAcquire()) {
                return Outcome.OUT_OF_BUDGET;
            }
            ConnectAnswer answer = connect.get("/v1/vaults?filter=" + eqFilter("name", vault));
            if (answer instanceof ConnectAnswer.Failed failed) {
                return failedAll(targets, failed, "1Password vault '" + vault + "' could not be looked up", changed);
            }
            JsonNode list = ((ConnectAnswer.Ok) answer).body();
            List<String> ids = new ArrayList<>();
            if (list.isArray()) {
                list.forEach(v -> {
                    if (v.path("id").isTextual()) {
                        ids.add(v.path("id").asText());
                    }
                });
            }
            if (ids.size() > 1) {
                problemAll(
                        targets,
                        Problems.of(
                                ProblemCode.INVALID_VALUE,
                                "1Password has " + ids.size() + " vaults named '" + vault
                                        + "' that the token can read; name the vault by id"),
                        changed);
                return Outcome.DONE;
            }
            if (ids.isEmpty() && !CONNECT_ID.matcher(vault).matches()) {
                problemAll(
                        targets,
                        Problems.of(
                                ProblemCode.MISSING_OBJECT,
                                "1Password vault '" + vault + "' not found (or the Connect token may not read it)"),
                        changed);
                return Outcome.DONE;
            }
            vaultId = ids.isEmpty() ? vault : ids.get(0);
            vaultIds.put(vault, vaultId);
        }
        if (!budget.tryAcquire()) {
            return Outcome.OUT_OF_BUDGET;
        }
        ConnectAnswer answer = connect.get("/v1/vaults/" + segment(vaultId) + "/items");
        if (answer instanceof ConnectAnswer.Failed failed) {
            if (failed.code() == ProblemCode.MISSING_OBJECT) {
                vaultIds.remove(vault); // deleted or recreated: look it up by name again next time
            }
            return failedAll(
                    targets, failed, "the items of 1Password vault '" + vault + "' could not be listed", changed);
        }
        succeeded();
        Map<String, List<JsonNode>> byTitle = new HashMap<>();
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode list = ((ConnectAnswer.Ok) answer).body();
        if (list.isArray()) {
            for (JsonNode summary : list) {
                byTitle.computeIfAbsent(summary.path("title").asText(""), k -> new ArrayList<>())
                        .add(summary);
                byId.put(summary.path("id").asText(""), summary);
            }
        }
        Map<String, List<VaultTarget>> byItem = new LinkedHashMap<>();
        targets.forEach(
                t -> byItem.computeIfAbsent(t.item(), k -> new ArrayList<>()).add(t));
        for (Map.Entry<String, List<VaultTarget>> entry : byItem.entrySet()) {
            String itemRef = entry.getKey();
            List<VaultTarget> using = entry.getValue();
            String what = "1Password item '" + itemRef + "' in vault '" + vault + "'";
            List<JsonNode> matches = byTitle.getOrDefault(itemRef, List.of());
            if (matches.isEmpty() && byId.containsKey(itemRef)) {
                matches = List.of(byId.get(itemRef));
            }
            if (matches.isEmpty()) {
                problemAll(using, Problems.of(ProblemCode.MISSING_OBJECT, what + " not found"), changed);
                continue;
            }
            if (matches.size() > 1) {
                problemAll(
                        using,
                        Problems.of(
                                ProblemCode.INVALID_VALUE,
                                "1Password vault '" + vault + "' has " + matches.size() + " items titled '" + itemRef
                                        + "'; name the item by id"),
                        changed);
                continue;
            }
            String itemId = matches.get(0).path("id").asText("");
            long listedVersion = matches.get(0).path("version").asLong(-1);
            String key = vaultId + "/" + itemId;
            ItemState state = items.get(key);
            boolean stale = state == null
                    || state.version != listedVersion
                    || using.stream().anyMatch(t -> !state.reads.containsKey(t.fields()));
            if (stale) {
                if (!budget.tryAcquire()) {
                    return Outcome.OUT_OF_BUDGET;
                }
                ConnectAnswer item = connect.get("/v1/vaults/" + segment(vaultId) + "/items/" + segment(itemId));
                if (item instanceof ConnectAnswer.Failed failed) {
                    Outcome outcome = failedAll(using, failed, what + " could not be read", changed);
                    if (outcome != Outcome.DONE) {
                        return outcome;
                    }
                    continue;
                }
                succeeded();
                ItemState read = read(((ConnectAnswer.Ok) item).body(), what, using);
                items.put(key, read);
            }
            ItemState known = items.get(key);
            for (VaultTarget target : using) {
                Read read = known.reads.get(target.fields());
                report(
                        target,
                        known.version < 0 ? null : known.version,
                        read.credential().orElse(null),
                        read.problems(),
                        changed);
            }
        }
        return Outcome.DONE;
    }

    private ItemState read(JsonNode item, String what, List<VaultTarget> using) {
        long version =
                item.path("version").isIntegralNumber() ? item.path("version").asLong() : -1;
        ItemState state = new ItemState(version);
        for (VaultTarget target : using) {
            state.reads.computeIfAbsent(target.fields(), pair -> credential(item, what, pair));
        }
        return state;
    }

    private Read credential(JsonNode item, String what, VaultTarget.FieldPair pair) {
        List<Problem> problems = new ArrayList<>();
        String id = field(item, what, pair.accessKeyId(), problems);
        String secret = field(item, what, pair.secretAccessKey(), problems);
        if (id == null || secret == null) {
            return new Read(Optional.empty(), problems);
        }
        try {
            Credential credential = new Credential(id, SecretValue.of(secret));
            return new Read(Optional.of(ObservedCredential.of(credential, fingerprinter)), problems);
        } catch (ContractViolation e) {
            // the rule names the field, never the value
            problems.add(Problems.of(
                    ProblemCode.INVALID_VALUE,
                    pair.accessKeyId(),
                    what + ": field '" + pair.accessKeyId() + "' " + e.rule()));
            return new Read(Optional.empty(), problems);
        }
    }

    private static String field(JsonNode item, String what, String label, List<Problem> problems) {
        List<JsonNode> matches = new ArrayList<>();
        item.path("fields").forEach(f -> {
            if (label.equals(f.path("label").asText(null))) {
                matches.add(f);
            }
        });
        if (matches.isEmpty()) {
            problems.add(Problems.of(ProblemCode.MISSING_KEY, label, what + " has no field labelled '" + label + "'"));
            return null;
        }
        if (matches.size() > 1) {
            problems.add(Problems.of(
                    ProblemCode.INVALID_VALUE,
                    label,
                    what + " has " + matches.size() + " fields labelled '" + label + "'"));
            return null;
        }
        JsonNode value = matches.get(0).path("value");
        if (!value.isTextual() || value.asText().isEmpty()) {
            problems.add(Problems.of(ProblemCode.EMPTY_DATA, label, what + ": field '" + label + "' is empty"));
            return null;
        }
        return value.asText();
    }

    private Outcome failedAll(
            List<VaultTarget> targets, ConnectAnswer.Failed failed, String what, List<VaultItemObserved> changed) {
        String hint = switch (failed.status()) {
            case 401 -> " (the Connect token was refused)";
            case 403 -> " (the Connect token may not read it)";
            case 404 -> " (not found)";
            case 429 -> " (Connect rate limit; backing off)";
            default -> failed.backOff() ? " (backing off)" : "";
        };
        problemAll(targets, Problems.of(failed.code(), what + ": " + failed.reason() + hint), changed);
        if (!failed.backOff()) {
            return Outcome.DONE;
        }
        failures++;
        long delay = backoff.delayMillis(failures);
        if (failed.retryAfter().isPresent()) {
            delay = Math.max(delay, failed.retryAfter().get().toMillis());
        }
        quiet = true;
        quietUntil = nanoTime.getAsLong() + delay * 1_000_000L;
        LOG.warn("VaultPoll: {}: {}; next request in {} ms", what, failed.reason(), delay);
        return Outcome.BACKING_OFF;
    }

    private void succeeded() {
        failures = 0;
    }

    private void problemAll(List<VaultTarget> targets, Problem problem, List<VaultItemObserved> changed) {
        targets.forEach(t -> report(t, null, null, List.of(problem), changed));
    }

    private void report(
            VaultTarget target,
            Long version,
            ObservedCredential credential,
            List<Problem> problems,
            List<VaultItemObserved> changed) {
        VaultItemObserved observed;
        try {
            observed = new VaultItemObserved(
                    target.bindingId(), target.vault(), target.item(), version, credential, problems);
        } catch (ContractViolation e) {
            // a vault or item name the contract cannot carry: the binding's validation names it
            LOG.atDebug()
                    .addKeyValue(LoggingKeys.BINDING, target.bindingId())
                    .log("VaultPoll: not reportable: {}", e.getMessage());
            return;
        }
        if (!observed.equals(reported.get(target.bindingId()))) {
            reported.put(target.bindingId(), observed);
            changed.add(observed);
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String eqFilter(String attribute, String value) {
        String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return URLEncoder.encode(attribute + " eq " + quoted, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** The fingerprint (or problems) read from one item version, per field pair. */
    private record Read(Optional<ObservedCredential> credential, List<Problem> problems) {
        Read {
            problems = List.copyOf(problems);
        }
    }

    private static final class ItemState {
        final long version;
        final Map<VaultTarget.FieldPair, Read> reads = new HashMap<>();

        ItemState(long version) {
            this.version = version;
        }
    }
}
