package dev.credrift.sandbox.minio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import io.minio.admin.Crypto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MinIO's admin API for service accounts, in this JVM, in front of an {@link S3StoreStandIn}: the endpoints
 * minio-admin 8.6's {@code MinioAdminClient} calls for {@code listServiceAccount}, {@code addServiceAccount} and
 * {@code listCannedPolicies}, under {@code /minio/admin/v3/}. It knows the root user (also a user of the S3 store)
 * and the service accounts added through it or {@link #addServiceAccount seeded}; each service account is a store
 * user named by its access key, so the store accepts its keys at once.
 *
 * <p>Answers like MinIO: SigV4 with the root credential (see {@link AdminSignature}); request and response bodies
 * encrypted with minio-admin's {@code Crypto} under the root secret; errors as JSON with {@code Code}; an access key
 * that exists already gets 409 {@code XMinioAdminServiceAccountExists} (MinIO refuses it too; the code is the
 * stand-in's choice). Other admin operations get 501 {@code NotImplemented}. Serves plain HTTP on 127.0.0.1 only.
 *
 * <p>Thread-safe. Never logs a body, a key or a secret.
 */
public final class MinioStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MinioStandIn.class);
    private static final String PREFIX = "/minio/admin/v3/";
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_RECORDED_CALLS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** MinIO's built-in canned policies (their documents shortened to what matters here). */
    private static final Map<String, String> CANNED_POLICIES = Map.of(
            "readwrite",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],"
                            + "\"Resource\":[\"arn:aws:s3:::*\"]}]}",
            "readonly",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "[\"s3:GetBucketLocation\",\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::*\"]}]}",
            "writeonly",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "[\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::*\"]}]}");

    private final S3StoreStandIn store;
    private final Credential root;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, ServiceAccount> accounts = new LinkedHashMap<>();
    private final Deque<AdminCall> calls = new ArrayDeque<>();

    /** A service account: its access key, its parent, and whether it got an inline policy. */
    public record ServiceAccount(String accessKey, String parentUser, boolean inlinePolicy) {}

    private MinioStandIn(S3StoreStandIn store, Credential root, Clock clock) throws IOException {
        this.store = store;
        this.root = root;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-minio-admin-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts the admin API in front of {@code store}, whose user {@code root}'s access key becomes (created if it
     * does not exist).
     */
    public static MinioStandIn start(S3StoreStandIn store, Credential root) {
        return start(store, root, Clock.systemUTC());
    }

    /** As {@link #start(S3StoreStandIn, Credential)}, checking request times against {@code clock}. */
    public static MinioStandIn start(S3StoreStandIn store, Credential root, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(root, "root");
        try {
            store.keys(root.accessKeyId());
        } catch (IllegalArgumentException unknown) {
            store.addUser(root.accessKeyId(), root);
        }
        try {
            return new MinioStandIn(store, root, Objects.requireNonNull(clock, "clock"));
        } catch (IOException e) {
            throw new IllegalStateException("the MinIO admin stand-in cannot listen on 127.0.0.1", e);
        }
    }

    /** A root credential like MinIO Helm charts generate: {@code rootUser} and a 40-character password. */
    public static Credential generatedRoot(String rootUser) {
        return new Credential(
                rootUser, SecretValue.of(AddedKeys.random(AddedKeys.LETTERS + "abcdefghijklmnopqrstuvwxyz", 40)));
    }

    /** The admin API endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The root credential (for the world's admin Secret; never print it). */
    public Credential root() {
        return root;
    }

    /** The S3 store behind it. */
    public S3StoreStandIn store() {
        return store;
    }

    /** Adds a service account of the root user with exactly these keys, as {@code mc admin user svcacct add}. */
    public synchronized void addServiceAccount(Credential account) {
        create(account, root.accessKeyId(), false);
    }

    /** The service accounts, in creation order. */
    public synchronized List<ServiceAccount> serviceAccounts() {
        return List.copyOf(accounts.values());
    }

    /** Admin requests answered so far (the last 1000). */
    public List<AdminCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "MinioStandIn[" + endpoint() + "]";
    }

    // ---- the wire ---------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String operation = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            AdminSignature.verify(
                    root, method, path, exchange.getRequestURI().getRawQuery(), headers, body, clock.instant());
            byte[] answer = route(method, operation, exchange.getRequestURI(), body);
            respond(exchange, 200, answer, "application/octet-stream");
            record(method, operation, 200, "");
        } catch (AdminError e) {
            respond(exchange, e.status(), e.json(path).getBytes(StandardCharsets.UTF_8), "application/json");
            record(method, operation, e.status(), e.code());
            LOG.debug("MinIO stand-in: {} {} answered {} {}", method, operation, e.status(), e.code());
        } catch (RuntimeException e) {
            AdminError internal = new AdminError(
                    500,
                    "InternalError",
                    "We encountered an internal error, please try" + " again. ("
                            + e.getClass().getSimpleName() + ")");
            respond(exchange, 500, internal.json(path).getBytes(StandardCharsets.UTF_8), "application/json");
            record(method, operation, 500, internal.code());
            LOG.warn(
                    "MinIO stand-in: {} {} failed: {}",
                    method,
                    operation,
                    e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
    }

    private byte[] route(String method, String operation, URI uri, byte[] body) {
        switch (method + " " + operation) {
            case "GET list-service-accounts":
                return listServiceAccounts(query(uri, "user"));
            case "PUT add-service-account":
                return addServiceAccount(body);
            case "GET list-canned-policies":
                return listCannedPolicies();
            case "DELETE delete-service-account":
                return deleteServiceAccount(query(uri, "accessKey"));
            default:
                throw new AdminError(
                        501, "NotImplemented", "the MinIO stand-in does not implement " + method + " " + operation);
        }
    }

    private byte[] listServiceAccounts(Optional<String> user) {
        String parent =
                user.orElseThrow(() -> new AdminError(400, "XMinioAdminInvalidArgument", "user name must be provided"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("accounts");
        synchronized (this) {
            for (ServiceAccount account : accounts.values()) {
                if (account.parentUser().equals(parent)) {
                    list.addObject()
                            .put("parentUser", account.parentUser())
                            .put("accountStatus", "on")
                            .put("impliedPolicy", !account.inlinePolicy())
                            .put("accessKey", account.accessKey());
                }
            }
        }
        return encrypt(out);
    }

    private byte[] addServiceAccount(byte[] body) {
        JsonNode request;
        try {
            byte[] plain =
                    Crypto.decrypt(new ByteArrayInputStream(body), root.secret().reveal());
            request = JSON.readTree(plain);
        } catch (Exception e) {
            // MinIO: a body that does not decrypt under the caller's secret, or is no JSON, is ErrAdminConfigBadJSON
            throw new AdminError(
                    400,
                    "XMinioAdminConfigBadJSON",
                    "the request body cannot be decrypted with the" + " caller's secret or is not JSON ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (request == null || !request.isObject()) {
            throw new AdminError(400, "XMinioAdminConfigBadJSON", "the request body is not a JSON object");
        }
        Credential account = AddedKeys.of(text(request, "accessKey"), text(request, "secretKey"));
        String target = Optional.ofNullable(text(request, "targetUser")).orElse(root.accessKeyId());
        if (!target.equals(root.accessKeyId())) {
            throw new AdminError(400, "XMinioAdminNoSuchUser", "the stand-in knows only the root user as a parent");
        }
        JsonNode policy = request.get("policy");
        if (policy != null && !policy.isNull() && !policy.isObject()) {
            throw new AdminError(400, "XMinioMalformedIAMPolicy", "the inline policy must be a JSON object");
        }
        synchronized (this) {
            create(account, target, policy != null && policy.isObject());
        }
        ObjectNode out = JSON.createObjectNode();
        out.putObject("credentials")
                .put("accessKey", account.accessKeyId())
                .put("secretKey", account.secret().reveal());
        return encrypt(out);
    }

    /**
     * Removes the account and its key from the S3 store, so the very next request with it gets
     * {@code InvalidAccessKeyId}. An unknown account gets 404 {@code XMinioAdminServiceAccountNotFound}; MinIO's
     * own status for that is not pinned down here, so clients must list first rather than rely on it.
     */
    private byte[] deleteServiceAccount(Optional<String> accessKey) {
        String key = accessKey.orElseThrow(
                () -> new AdminError(400, "XMinioAdminInvalidArgument", "accessKey must be provided"));
        synchronized (this) {
            if (accounts.remove(key) == null) {
                throw new AdminError(404, "XMinioAdminServiceAccountNotFound", "the service account does not exist");
            }
            store.removeKey(key);
        }
        LOG.info("MinIO stand-in: service account {} deleted", AccessKeyMask.mask(key));
        return new byte[0];
    }

    private void create(Credential account, String parent, boolean inlinePolicy) {
        if (accounts.containsKey(account.accessKeyId()) || account.accessKeyId().equals(root.accessKeyId())) {
            throw new AdminError(409, "XMinioAdminServiceAccountExists", "the access key is in use already");
        }
        try {
            store.addUser(account.accessKeyId(), account);
        } catch (IllegalArgumentException e) {
            throw new AdminError(409, "XMinioAdminServiceAccountExists", "the access key is in use already");
        }
        accounts.put(account.accessKeyId(), new ServiceAccount(account.accessKeyId(), parent, inlinePolicy));
        LOG.info(
                "MinIO stand-in: service account {} added for {}",
                account.maskedAccessKeyId(),
                parent.equals(root.accessKeyId()) ? "the root user" : "another user");
    }

    private byte[] listCannedPolicies() {
        ObjectNode out = JSON.createObjectNode();
        CANNED_POLICIES.forEach((name, document) -> {
            try {
                out.set(name, JSON.readTree(document));
            } catch (IOException e) {
                throw new IllegalStateException("canned policy " + name + " is not JSON", e);
            }
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encrypt(JsonNode answer) {
        try {
            return Crypto.encrypt(JSON.writeValueAsBytes(answer), root.secret().reveal());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the answer cannot be encrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null
                        || value.isNull()
                        || !value.isTextual()
                        || value.asText().isEmpty()
                ? null
                : value.asText();
    }

    private static Optional<String> query(URI uri, String name) {
        String raw = uri.getQuery();
        if (raw == null) {
            return Optional.empty();
        }
        for (String param : raw.split("&")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).equals(name) && eq < param.length() - 1) {
                return Optional.of(param.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new AdminError(400, "EntityTooLarge", "the request body is larger than 1 MiB");
        }
        return body;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void record(String method, String operation, int status, String code) {
        synchronized (calls) {
            if (calls.size() == MAX_RECORDED_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(new AdminCall(clock.instant(), method, operation, status, code));
        }
    }
}
