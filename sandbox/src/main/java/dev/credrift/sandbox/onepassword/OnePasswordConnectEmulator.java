package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A 1Password Connect server on 127.0.0.1 that follows the published OpenAPI spec and refuses to do
 * otherwise: every request is checked against the spec (400 when it does not follow it), and every
 * answer too (a violation is kept for {@link #specViolations()} and answered with 500, so a test
 * cannot miss it).
 *
 * <p>Serves {@code GET /v1/vaults} (with {@code filter=name eq "..."}), {@code GET /v1/vaults/{id}},
 * {@code GET|POST /v1/vaults/{id}/items} (with {@code filter=title eq "..."}),
 * {@code GET|PUT|PATCH|DELETE /v1/vaults/{id}/items/{id}}, {@code /health} and {@code /heartbeat};
 * other spec operations answer 501. A PATCH addresses fields by id and must leave an item the spec
 * accepts; a PUT whose {@code version} is not the current one answers 409.
 *
 * <p>Where the real server accepts what the bundled spec file would refuse, the emulator follows the server, each
 * time with the evidence in a comment ({@code ConnectFilter}: {@code title eq} on vaults, {@code co} and {@code tag}
 * on items; {@code ServerLeniency}: trailing slashes, fields created without ids) — so the official
 * {@code @1password/connect} SDK works against it. Items keep {@code sections} and {@code field.section}.
 *
 * <p>For tests: vaults and items are seeded through this class; {@link #editField} plays a human
 * editing the item in the 1Password app; {@link #readAfterWriteLag} makes reads return the previous
 * version for a while after a change, as the real server does; {@link #injectFault} makes it answer
 * 429, 5xx, late or nothing, for a number of requests or a time window; {@link #requests()} is a log of method, path, query and status (never bodies
 * or headers). Values come back as {@link SecretValue}, which never prints itself.
 */
public final class OnePasswordConnectEmulator implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final ConnectStore store;
    private final ConnectApi api;
    private final FaultRules faults;
    private final AtomicReference<String> token;
    private final boolean https;

    private OnePasswordConnectEmulator(
            Vertx vertx,
            HttpServer server,
            ConnectStore store,
            ConnectApi api,
            FaultRules faults,
            AtomicReference<String> token,
            boolean https) {
        this.vertx = vertx;
        this.server = server;
        this.store = store;
        this.api = api;
        this.faults = faults;
        this.token = token;
        this.https = https;
    }

    /** A builder; {@link Builder#start()} starts the server. */
    public static Builder builder() {
        return new Builder();
    }

    /** An HTTP emulator with a random token, on a free port, with the system clock. */
    public static OnePasswordConnectEmulator start() {
        return builder().start();
    }

    // ---- where and how to reach it ----

    /** The server root, e.g. {@code http://127.0.0.1:41234}; the API lives under {@code /v1}. */
    public URI baseUri() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port());
    }

    /** The port it listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The bearer token it accepts now. */
    public SecretValue token() {
        return SecretValue.of(token.get());
    }

    /** From now on only {@code newToken} is accepted (as after issuing a new Connect token). */
    public void rotateToken(String newToken) {
        token.set(requireToken(newToken));
    }

    // ---- seeding ----

    /** A new vault (names need not be unique, as in 1Password). */
    public ConnectVault createVault(String name) {
        return store.createVault(Objects.requireNonNull(name, "name"));
    }

    /** A new {@code API_CREDENTIAL} item in the vault named {@code vaultName}, with one concealed field per entry. */
    public ConnectItem putItem(String vaultName, String title, Map<String, String> fieldsByLabel) {
        return putItem(vaultName, title, "API_CREDENTIAL", fieldsByLabel);
    }

    /** A new item of {@code category} (a Connect category such as {@code LOGIN}), concealed fields in map order. */
    public ConnectItem putItem(String vaultName, String title, String category, Map<String, String> fieldsByLabel) {
        return store.putItem(vault(vaultName).id(), title, category, new LinkedHashMap<>(fieldsByLabel));
    }

    /**
     * {@code listener} sees every item an API client (credrift) creates or changes, as stored, synchronously while the
     * write is made — before the client gets its answer — so that a test can judge the written values at that very
     * moment (e.g. ask the store whether it accepts them). Seeding and {@link #editField} are not API writes.
     */
    public void onApiWrite(Consumer<ItemSnapshot> listener) {
        store.onApiWrite(listener);
    }

    /**
     * A new item of {@code category} with concealed fields outside any section ({@code fieldsByLabel}) and, per
     * section label, concealed fields in that section: the item carries {@code sections: [{id, label}]} and each
     * such field {@code section: {id}}, as items made in the 1Password app do.
     */
    public ConnectItem putItem(
            String vaultName,
            String title,
            String category,
            Map<String, String> fieldsByLabel,
            Map<String, Map<String, String>> sectionFieldsByLabel) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sectionFieldsByLabel.forEach((label, fields) -> sections.put(label, new LinkedHashMap<>(fields)));
        return store.putItem(vault(vaultName).id(), title, category, new LinkedHashMap<>(fieldsByLabel), sections);
    }

    /** A human edits one field in the 1Password app: a new item version, lagging reads included. */
    public void editField(ConnectItem item, String label, String newValue) {
        store.editField(item.vaultId(), item.id(), label, newValue);
    }

    /** {@link #editField(ConnectItem, String, String)} by vault name and item title. */
    public void editField(String vaultName, String title, String label, String newValue) {
        editField(item(vaultName, title), label, newValue);
    }

    /** The field's current value (not what a lagging read would show). */
    public SecretValue readField(ConnectItem item, String label) {
        return snapshot(item)
                .field(label)
                .map(ItemSnapshot.Field::value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "item '" + item.title() + "' has no field labelled '" + label + "'"));
    }

    /** {@link #readField(ConnectItem, String)} by vault name and item title. */
    public SecretValue readField(String vaultName, String title, String label) {
        return readField(item(vaultName, title), label);
    }

    /** The item as it is now. */
    public ItemSnapshot snapshot(ConnectItem item) {
        return store.snapshot(item.vaultId(), item.id());
    }

    /** The only item titled {@code title} in the only vault named {@code vaultName}. */
    public ConnectItem item(String vaultName, String title) {
        List<ConnectItem> items = store.itemsTitled(vault(vaultName).id(), title);
        if (items.size() != 1) {
            throw new IllegalArgumentException(
                    items.size() + " items titled '" + title + "' in vault '" + vaultName + "'");
        }
        return items.get(0);
    }

    /** The token loses access to the vault: 403 on its items, and it disappears from vault lists. */
    public void denyVault(String vaultName) {
        store.denyVault(vault(vaultName).id(), true);
    }

    /** Reads after later changes lag as described (applies to changes made from now on). */
    public void readAfterWriteLag(ReadAfterWriteLag lag) {
        store.lag(lag);
    }

    // ---- faults ----

    /** Every {@code /v1} request gets {@code fault} until {@link #clearFaults()}. */
    public void injectFault(Fault fault) {
        faults.addForever(null, Objects.requireNonNull(fault, "fault"));
    }

    /** The next {@code times} {@code /v1} requests get {@code fault}. */
    public void injectFault(Fault fault, int times) {
        faults.add(null, Objects.requireNonNull(fault, "fault"), times);
    }

    /** The next {@code times} {@code /v1} requests with this HTTP method (e.g. {@code PATCH}) get {@code fault}. */
    public void injectFault(String httpMethod, Fault fault, int times) {
        faults.add(Objects.requireNonNull(httpMethod, "httpMethod"), Objects.requireNonNull(fault, "fault"), times);
    }

    /**
     * {@code /v1} requests (with this HTTP method, or any if {@code httpMethod} is {@code null}) arriving on the
     * emulator's clock in {@code [from, until)} get {@code fault}; earlier rules win when windows overlap.
     */
    public void injectFault(String httpMethod, Fault fault, Instant from, Instant until) {
        faults.addWindow(
                httpMethod,
                Objects.requireNonNull(fault, "fault"),
                Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(until, "until"));
    }

    /** No more injected faults; requests left hanging are cut off. */
    public void clearFaults() {
        faults.clear();
        vertx.runOnContext(v -> api.releaseHanging());
    }

    // ---- what happened ----

    /** Every request so far, in arrival order: method, path, query, status; never bodies or headers. */
    public List<RecordedRequest> requests() {
        return api.requests();
    }

    /** The requests with this HTTP method (e.g. {@code PATCH}). */
    public List<RecordedRequest> requests(String httpMethod) {
        return api.requests().stream()
                .filter(r -> r.method().equalsIgnoreCase(httpMethod))
                .toList();
    }

    /** Forgets the request log. */
    public void clearRequests() {
        api.clearRequests();
    }

    /** Requests rejected for not following the spec, and answers of ours that did not (bugs). */
    public List<SpecViolation> specViolations() {
        return api.violations();
    }

    /** Forgets recorded spec violations. */
    public void clearSpecViolations() {
        api.clearViolations();
    }

    /** Throws an {@link AssertionError} listing every answer of the emulator that broke the spec. */
    public void assertResponsesFollowedSpec() {
        List<SpecViolation> bad = api.violations().stream()
                .filter(v -> v.direction() == SpecViolation.Direction.RESPONSE)
                .toList();
        if (!bad.isEmpty()) {
            throw new AssertionError("1Password Connect emulator answered against the spec:\n"
                    + bad.stream().map(SpecViolation::toString).collect(Collectors.joining("\n")));
        }
    }

    /** Stops the server and its Vert.x instance. */
    @Override
    public void close() {
        try {
            vertx.runOnContext(v -> api.releaseHanging());
            EmulatorServer.await(server.close());
        } finally {
            EmulatorServer.await(vertx.close());
        }
    }

    private ConnectVault vault(String name) {
        List<ConnectVault> vaults = store.vaultsNamed(name);
        if (vaults.size() != 1) {
            throw new IllegalArgumentException(vaults.size() + " vaults named '" + name + "'");
        }
        return vaults.get(0);
    }

    private static String requireToken(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("token must be non-empty, without whitespace or control characters");
        }
        return token;
    }

    /** Configures and starts an emulator. */
    public static final class Builder {

        private String token = "emulator-" + UUID.randomUUID();
        private Clock clock = Clock.systemUTC();
        private int port;
        private String certificateChainPem;
        private String privateKeyPem;
        private ReadAfterWriteLag lag = ReadAfterWriteLag.none();

        private Builder() {}

        /** The bearer token to accept (default: a random one, see {@link #token()}). */
        public Builder token(String token) {
            this.token = requireToken(token);
            return this;
        }

        /** The clock for {@code createdAt}/{@code updatedAt} and the lag window (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The port (default 0: a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve HTTPS with this PEM certificate chain (leaf first) and PEM (PKCS#8) private key. */
        public Builder https(String certificateChainPem, String privateKeyPem) {
            this.certificateChainPem = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            return this;
        }

        /** Serve HTTPS with a certificate from a sandbox {@link TestPki} (issued for {@code 127.0.0.1}). */
        public Builder https(ServerCertificate certificate) {
            return https(certificate.certificatePem(), certificate.privateKeyPem());
        }

        /** The read-after-write lag from the start (default none). */
        public Builder readAfterWriteLag(ReadAfterWriteLag lag) {
            this.lag = Objects.requireNonNull(lag, "lag");
            return this;
        }

        /** Starts the server and waits until it listens. */
        public OnePasswordConnectEmulator start() {
            ObjectMapper json = new ObjectMapper();
            ConnectSpec spec = ConnectSpec.shared();
            AtomicReference<String> currentToken = new AtomicReference<>(token);
            FaultRules faults = new FaultRules();
            AtomicReference<ConnectApi> apiRef = new AtomicReference<>();
            ConnectStore store =
                    new ConnectStore(clock, json, doc -> apiRef.get().checkItem(doc));
            store.lag(lag);
            ConnectApi api = new ConnectApi(store, spec, json, clock, currentToken, faults);
            apiRef.set(api);

            Vertx vertx = EmulatorServer.vertx();
            boolean https = certificateChainPem != null;
            HttpServer server = EmulatorServer.listen(vertx, api, port, certificateChainPem, privateKeyPem);
            return new OnePasswordConnectEmulator(vertx, server, store, api, faults, currentToken, https);
        }
    }
}
