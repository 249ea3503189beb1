package dev.credrift.sandbox.world.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.ConnectFaultSpec;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.SourceLocation;
import dev.credrift.sandbox.world.spec.MinioSpec;
import dev.credrift.sandbox.world.spec.ReconcilerBudgetSpec;
import dev.credrift.sandbox.world.spec.StoreSpec;
import dev.credrift.sandbox.world.spec.StsSpec;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import dev.credrift.sandbox.world.spec.TimelineStep;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.ValueTemplate;
import dev.credrift.sandbox.world.spec.VaultSpec;
import dev.credrift.sandbox.world.spec.WorldObject;
import dev.credrift.sandbox.world.spec.WorldSettings;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a world file ({@code apiVersion: sandbox.credrift.dev/v1alpha1}, {@code kind: World}) into a
 * {@link WorldSpec}. Every problem — YAML syntax, a missing or unknown field, a wrong type, a duration that is not
 * one, an unknown placeholder or store user — is a {@link WorldFileException} naming file, line, column and field.
 *
 * <p>The format, in short (the built-in worlds under {@code worlds/} are complete examples):
 * <pre>
 * apiVersion: sandbox.credrift.dev/v1alpha1
 * kind: World
 * name: story-1-loki-rook-1password
 * description: …
 * settings: {tick: 500ms, probePeriod: 1s, crashLoopBackOff: 1s, crashLoopBackOffMax: 10s,
 *            settleTimeout: 30s, expectWithin: 60s}
 * store:
 *   buckets: [loki-chunks]
 *   users: [{name: loki}, {name: tempo, accessKeyId: tempo, secretAccessKey: supersecret, suspended: false}]
 *   tls: {ca: storage-ca, names: [minio.minio.svc], serverName: minio.minio.svc,
 *         certificate: valid | expired | untrusted, publishCa: [{namespace: monitoring, name: storage-ca, key: ca.crt}]}
 *   minio: {rootUser: minio-root, rootPassword: optional}   # MinIO's admin API in front of the store (story 2)
 * sts: {issuer: https://…, aws: {oidcProvider: {…}, roles: […]}, alibaba: {…}}  # STS stand-ins (stories 4, 5):
 *   format and timeline actions (editTrustPolicy, setOidcClientIds) in StsSection
 * onePassword:
 *   readAfterWriteLag: 0s
 *   vaults: [{name: Infrastructure, items: [{title: loki-s3-config, category: API_CREDENTIAL,
 *             fields: {access_key: "${storeUser.loki.accessKeyId}", secret_key: "${storeUser.loki.secretAccessKey}"},
 *             sections: [{label: S3, fields: {endpoint: "${s3.endpoint}"}}]}]}]   # sections optional
 *   faults: [{from: 2s, until: 12s, status: 429, retryAfter: 3s, method: PATCH}]  # windows of 429/5xx, delay, hang:
 *                                                                                  #   format in ConnectFaultsSection
 * reconciler: {globalRolloutsPerHour: 1, vaultWritesPerMinute: 2, concurrency: 4}  # the reconciler's budgets
 *                                                                                  #   (each optional)
 * objects: [ any Kubernetes objects; Secrets may use stringData ]
 * timeline:
 *   - {at: 2s, note: "RGW regenerates loki's keys", rotateRookUser: {namespace: storage, store: storage, user: loki}}
 * expect:                      # the end state: every check must hold at the same moment, after the timeline
 *   within: 60s                 # (driftClassSeen, a record of the past, stays met once seen; rolloutsAtMost is
 *   all:                        #  judged last)
 *     - bindingCondition: {binding: monitoring/loki-s3, type: InSync, status: "True"}
 * </pre>
 */
public final class WorldFileReader {

    /** The {@code apiVersion} of world files. */
    public static final String API_VERSION = "sandbox.credrift.dev/v1alpha1";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    private static final Set<String> CONDITION_STATUSES = Set.of("True", "False", "Unknown");

    private final String file;
    private final Set<String> storeUsers = new LinkedHashSet<>();
    private boolean tls;
    private final StsSection sts = new StsSection();
    private boolean minio;

    private WorldFileReader(String file) {
        this.file = file;
    }

    /** Reads a world file from disk; the path as given names it in errors. */
    public static WorldSpec read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new WorldFileException(new SourceLocation(path.toString(), 1, 1), "", "is not UTF-8 text");
        } catch (IOException e) {
            throw new WorldFileException(new SourceLocation(path.toString(), 1, 1), "",
                    "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(path.toString(), text);
    }

    /** Reads a world from YAML text; {@code file} names it in errors. */
    public static WorldSpec parse(String file, String yaml) {
        return new WorldFileReader(file).world(YamlTree.parse(file, yaml));
    }

    private WorldSpec world(YamlNode root) {
        Fields world = Fields.of(root, "a World");
        String apiVersion = world.string("apiVersion");
        if (!API_VERSION.equals(apiVersion)) {
            throw world.error("apiVersion", "must be " + API_VERSION);
        }
        if (!"World".equals(world.string("kind"))) {
            throw world.error("kind", "must be World");
        }
        String name = world.string("name");
        if (!NAME.matcher(name).matches()) {
            throw world.error("name", "must be lower-case letters, digits, '-' and '.'");
        }
        String description = world.optionalString("description").orElse("");
        WorldSettings settings = settings(world.optionalMap("settings", "settings"));
        StoreSpec store = store(world.optionalMap("store", "the store"));
        Optional<StsSpec> stsSpec = world.optionalMap("sts", "the STS stand-ins").map(f -> sts.read(f, storeUsers));
        Optional<Fields> onePassword = world.optionalMap("onePassword", "the 1Password settings");
        List<VaultSpec> vaults = new ArrayList<>();
        Optional<Duration> lag = Optional.empty();
        List<ConnectFaultSpec> faults = List.of();
        if (onePassword.isPresent()) {
            Fields op = onePassword.get();
            lag = op.optionalDuration("readAfterWriteLag");
            for (YamlNode vault : op.list("vaults")) {
                vaults.add(vault(Fields.of(vault, "a vault")));
            }
            faults = ConnectFaultsSection.read(op.list("faults"));
            op.done();
        }
        ReconcilerBudgetSpec reconciler = ReconcilerSection.read(world.optionalMap("reconciler",
                "the reconciler's budgets"));
        List<WorldObject> objects = new ArrayList<>();
        for (YamlNode object : world.list("objects")) {
            objects.add(object(object));
        }
        List<TimelineStep> timeline = new ArrayList<>();
        for (YamlNode step : world.list("timeline")) {
            timeline.add(step(Fields.of(step, "a timeline step")));
        }
        timeline.sort(Comparator.comparing(TimelineStep::at));
        List<ExpectationSpec> expectations = new ArrayList<>();
        Optional<Fields> expect = world.optionalMap("expect", "the expected end state");
        if (expect.isPresent()) {
            Fields e = expect.get();
            Duration within = e.duration("within", settings.expectWithin());
            for (YamlNode entry : e.list("all")) {
                expectations.add(expectation(Fields.of(entry, "an expectation"), within));
            }
            e.done();
        }
        world.done();
        return new WorldSpec(name, description, file, store, vaults, lag, objects, timeline, expectations, settings,
                stsSpec, faults, reconciler);
    }

    private WorldSettings settings(Optional<Fields> fields) {
        WorldSettings d = WorldSettings.defaults();
        if (fields.isEmpty()) {
            return d;
        }
        Fields s = fields.get();
        WorldSettings settings = new WorldSettings(positive(s, "tick", d.tick()),
                positive(s, "probePeriod", d.probePeriod()), positive(s, "crashLoopBackOff", d.crashLoopBackOff()),
                positive(s, "crashLoopBackOffMax", d.crashLoopBackOffMax()),
                positive(s, "settleTimeout", d.settleTimeout()), positive(s, "expectWithin", d.expectWithin()));
        s.done();
        return settings;
    }

    private static Duration positive(Fields fields, String key, Duration fallback) {
        Duration value = fields.duration(key, fallback);
        if (value.isZero()) {
            throw fields.error(key, "must be more than 0");
        }
        return value;
    }

    private StoreSpec store(Optional<Fields> fields) {
        if (fields.isEmpty()) {
            return new StoreSpec(List.of(), List.of(), Optional.empty());
        }
        Fields s = fields.get();
        List<String> buckets = s.strings("buckets");
        List<StoreUserSpec> users = new ArrayList<>();
        for (YamlNode node : s.list("users")) {
            Fields u = Fields.of(node, "a store user");
            String name = u.string("name");
            if (!storeUsers.add(name)) {
                throw u.error("name", "a store user of this name is already declared");
            }
            Optional<String> id = u.optionalString("accessKeyId");
            Optional<String> secret = u.optionalString("secretAccessKey");
            if (id.isPresent() != secret.isPresent()) {
                throw u.error(id.isPresent() ? "secretAccessKey" : "accessKeyId",
                        "give both accessKeyId and secretAccessKey, or neither to have them generated");
            }
            Optional<Credential> keys = id.map(i -> Credential.of(i, secret.get()));
            users.add(new StoreUserSpec(name, keys, u.bool("suspended", false), u.location()));
            u.done();
        }
        Optional<TlsSpec> tlsSpec = s.optionalMap("tls", "the TLS settings").map(this::tls);
        Optional<MinioSpec> minioSpec = s.optionalMap("minio", "the MinIO admin API").map(this::minio);
        s.done();
        return new StoreSpec(buckets, users, tlsSpec, minioSpec);
    }

    private MinioSpec minio(Fields m) {
        minio = true;
        String rootUser = m.string("rootUser");
        if (storeUsers.contains(rootUser)) {
            throw m.error("rootUser", "store.users declares a user of this name already; the root user is MinIO's");
        }
        Optional<String> rootPassword = m.optionalString("rootPassword");
        if (rootPassword.isPresent() && rootPassword.get().length() < 8) {
            throw m.error("rootPassword", "must be at least 8 characters, as MinIO requires");
        }
        m.done();
        return new MinioSpec(rootUser, rootPassword);
    }

    private TlsSpec tls(Fields t) {
        tls = true;
        String ca = t.optionalString("ca").orElse("sandbox-ca");
        List<String> names = t.has("names") ? t.strings("names") : List.of("127.0.0.1", "localhost");
        if (names.isEmpty()) {
            throw t.error("names", "must name at least one DNS name or IP address");
        }
        Optional<String> serverName = t.optionalString("serverName");
        String state = t.optionalString("certificate").orElse("valid");
        TlsSpec.CertificateState certificate = switch (state) {
            case "valid" -> TlsSpec.CertificateState.VALID;
            case "expired" -> TlsSpec.CertificateState.EXPIRED;
            case "untrusted" -> TlsSpec.CertificateState.UNTRUSTED;
            default -> throw t.error("certificate", "must be valid, expired or untrusted");
        };
        List<TlsSpec.CaConfigMap> publish = new ArrayList<>();
        for (YamlNode node : t.list("publishCa")) {
            Fields c = Fields.of(node, "a ConfigMap reference");
            publish.add(new TlsSpec.CaConfigMap(c.string("namespace"), c.string("name"),
                    c.optionalString("key").orElse("ca.crt")));
            c.done();
        }
        t.done();
        return new TlsSpec(ca, names, serverName, certificate, publish);
    }

    private VaultSpec vault(Fields v) {
        String name = v.string("name");
        List<VaultSpec.Item> items = new ArrayList<>();
        for (YamlNode node : v.list("items")) {
            Fields i = Fields.of(node, "a 1Password item");
            String title = i.string("title");
            String category = i.optionalString("category").orElse("API_CREDENTIAL");
            Map<String, ValueTemplate> fields = i.has("fields") || !i.has("sections")
                    ? templates(i.map("fields", "field labels and values")) : Map.of();
            Map<String, Map<String, ValueTemplate>> sections = new LinkedHashMap<>();
            for (YamlNode sectionNode : i.list("sections")) {
                Fields section = Fields.of(sectionNode, "an item section");
                String label = section.string("label");
                if (sections.containsKey(label)) {
                    throw section.error("label", "a section with this label is already declared");
                }
                sections.put(label, templates(section.map("fields", "field labels and values")));
                if (sections.get(label).isEmpty()) {
                    throw section.error("fields", "must hold at least one field");
                }
                section.done();
            }
            if (fields.isEmpty() && sections.isEmpty()) {
                throw i.error("fields", "must hold at least one field");
            }
            items.add(new VaultSpec.Item(title, category, fields, sections, i.location()));
            i.done();
        }
        v.done();
        return new VaultSpec(name, items);
    }

    private Map<String, ValueTemplate> templates(Fields fields) {
        Map<String, ValueTemplate> values = new LinkedHashMap<>();
        for (String key : new ArrayList<>(fields.keys())) {
            YamlNode value = fields.node(key);
            values.put(key, template(value));
        }
        fields.done();
        return values;
    }

    private ValueTemplate template(YamlNode value) {
        ValueTemplate template = new ValueTemplate(Fields.text(value));
        checkPlaceholders(template, value);
        return template;
    }

    private void checkPlaceholders(ValueTemplate template, YamlNode where) {
        for (String placeholder : template.placeholders()) {
            if (!ValueTemplate.isKnown(placeholder)) {
                throw new WorldFileException(where.location(), where.path(), "unknown placeholder ${" + placeholder
                        + "}; known: s3.endpoint, s3.host, s3.port, onepassword.url, onepassword.token, ca.pem, "
                        + "minio.endpoint, minio.rootUser, minio.rootPassword, sts.aws.endpoint, "
                        + "sts.alibaba.endpoint, "
                        + "storeUser.<user>.accessKeyId, storeUser.<user>.secretAccessKey");
            }
            Optional<String> user = ValueTemplate.storeUserOf(placeholder);
            if (user.isPresent() && !storeUsers.contains(user.get())) {
                throw new WorldFileException(where.location(), where.path(), "placeholder ${" + placeholder
                        + "} names store user '" + user.get() + "', which store.users does not declare");
            }
            if (placeholder.startsWith("minio.") && !minio) {
                throw new WorldFileException(where.location(), where.path(),
                        "placeholder ${" + placeholder + "} needs store.minio");
            }
            if (placeholder.equals("ca.pem") && !tls) {
                throw new WorldFileException(where.location(), where.path(),
                        "placeholder ${ca.pem} needs store.tls");
            }
        }
    }

    private WorldObject object(YamlNode node) {
        Fields object = Fields.of(node, "a Kubernetes object");
        object.string("apiVersion");
        object.string("kind");
        Fields metadata = object.map("metadata", "metadata");
        String name = metadata.string("name");
        if (!NAME.matcher(name).matches()) {
            throw metadata.error("name", "must be a valid Kubernetes name");
        }
        JsonNode json = toJson(node);
        return new WorldObject((ObjectNode) json, node.location());
    }

    private JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlNode.MapNode map) {
            ObjectNode object = f.objectNode();
            map.entries().forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        if (node instanceof YamlNode.ListNode list) {
            ArrayNode array = f.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        YamlNode.ScalarNode scalar = (YamlNode.ScalarNode) node;
        Object value = scalar.value();
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof String text) {
            checkPlaceholders(new ValueTemplate(text), scalar);
            return f.textNode(text);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof BigInteger big) {
            return f.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return f.numberNode(decimal);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof Float fl) {
            return f.numberNode(fl);
        }
        return f.numberNode(((Number) value).longValue());
    }

    private TimelineStep step(Fields s) {
        Duration at = s.requiredDuration("at");
        Optional<String> note = s.optionalString("note");
        Map<String, Function<Fields, Action>> actions = actions();
        List<String> given = s.keys().stream().filter(actions::containsKey).toList();
        if (given.size() != 1) {
            throw new WorldFileException(s.location(), s.path(), given.isEmpty()
                    ? "needs one action: " + actions.keySet().stream().sorted().toList()
                    : "has more than one action: " + given);
        }
        String key = given.get(0);
        YamlNode body = s.node(key);
        Action action = key.equals("applyObject") ? new Action.ApplyObject(object(body))
                : actions.get(key).apply(Fields.of(body, "the " + key + " action"));
        s.done();
        return new TimelineStep(at, note, action, s.location());
    }

    private Map<String, Function<Fields, Action>> actions() {
        Map<String, Function<Fields, Action>> a = new LinkedHashMap<>();
        a.put("rotateRookUser", f -> done(f, new Action.RotateRookUser(f.string("namespace"), f.string("store"),
                f.string("user"))));
        a.put("addRookUserKey", f -> done(f, new Action.AddRookUserKey(f.string("namespace"), f.string("store"),
                f.string("user"))));
        a.put("rotateStoreUser", f -> done(f, new Action.RotateStoreUser(storeUser(f))));
        a.put("suspendStoreUser", f -> done(f, new Action.SuspendStoreUser(storeUser(f))));
        a.put("resumeStoreUser", f -> done(f, new Action.ResumeStoreUser(storeUser(f))));
        a.put("editVaultItem", f -> done(f, new Action.EditVaultItem(f.string("vault"), f.string("item"),
                templates(f.map("fields", "field labels and values")))));
        a.put("deletePod", f -> done(f, new Action.DeletePod(f.string("namespace"), f.string("name"))));
        a.put("restartWorkload", f -> done(f, new Action.RestartWorkload(f.string("namespace"), workloadKind(f),
                f.string("name"))));
        a.put("annotate", f -> {
            Fields annotations = f.map("annotations", "annotations");
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : new ArrayList<>(annotations.keys())) {
                values.put(key, Fields.text(annotations.node(key)));
            }
            annotations.done();
            return done(f, new Action.Annotate(f.string("apiVersion"), f.string("kind"), f.string("namespace"),
                    f.string("name"), values));
        });
        a.put("expireCertificate", f -> done(f, tlsAction(f, new Action.ExpireCertificate())));
        a.put("untrustCertificate", f -> done(f, tlsAction(f, new Action.UntrustCertificate())));
        a.put("renewCertificate", f -> done(f, tlsAction(f, new Action.RenewCertificate())));
        a.put("applyObject", f -> {
            throw new IllegalStateException("handled by step()");
        });
        a.put("editTrustPolicy", sts::editTrustPolicy);
        a.put("setOidcClientIds", sts::setOidcClientIds);
        a.put("deleteObject", f -> done(f, new Action.DeleteObject(f.string("apiVersion"), f.string("kind"),
                f.string("namespace"), f.string("name"))));
        return a;
    }

    private Action tlsAction(Fields f, Action action) {
        if (!tls) {
            throw new WorldFileException(f.location(), f.path(), "needs store.tls");
        }
        return action;
    }

    private String storeUser(Fields f) {
        String user = f.string("user");
        if (!storeUsers.contains(user)) {
            throw f.error("user", "store.users does not declare this user");
        }
        return user;
    }

    private static <T> T done(Fields f, T value) {
        f.done();
        return value;
    }

    private static String workloadKind(Fields f) {
        String kind = f.string("kind");
        if (!WORKLOAD_KINDS.contains(kind)) {
            throw f.error("kind", "must be Deployment, StatefulSet or DaemonSet");
        }
        return kind;
    }

    private ExpectationSpec expectation(Fields e, Duration defaultWithin) {
        Duration within = e.duration("within", defaultWithin);
        Map<String, Function<Fields, Expectation>> kinds = expectations();
        List<String> given = e.keys().stream().filter(kinds::containsKey).toList();
        if (given.size() != 1) {
            throw new WorldFileException(e.location(), e.path(), given.isEmpty()
                    ? "needs one expectation: " + kinds.keySet().stream().sorted().toList()
                    : "has more than one expectation: " + given);
        }
        String key = given.get(0);
        Expectation expectation = kinds.get(key).apply(e.map(key, "the " + key + " expectation"));
        e.done();
        return new ExpectationSpec(expectation, within, e.location());
    }

    private Map<String, Function<Fields, Expectation>> expectations() {
        Map<String, Function<Fields, Expectation>> x = new LinkedHashMap<>();
        x.put("bindingCondition", f -> {
            String[] binding = binding(f);
            String status = f.string("status");
            if (!CONDITION_STATUSES.contains(status)) {
                throw f.error("status", "must be \"True\", \"False\" or \"Unknown\"");
            }
            return done(f, new Expectation.BindingCondition(binding[0], binding[1], f.string("type"), status,
                    f.optionalString("reason"), f.optionalString("messageContains")));
        });
        x.put("bindingDriftClass", f -> {
            String[] binding = binding(f);
            return done(f, new Expectation.BindingDriftClass(binding[0], binding[1], driftClass(f)));
        });
        x.put("driftClassSeen", f -> {
            String[] binding = binding(f);
            return done(f, new Expectation.DriftClassSeen(binding[0], binding[1], driftClass(f)));
        });
        x.put("workloadReady", f -> done(f, new Expectation.WorkloadReady(f.string("namespace"), workloadKind(f),
                f.string("name"))));
        x.put("podsNotReady", f -> done(f, new Expectation.PodsNotReady(f.string("namespace"), workloadKind(f),
                f.string("name"), f.optionalString("rejection"))));
        x.put("rolloutsAtMost", f -> done(f, new Expectation.RolloutsAtMost(f.string("namespace"), workloadKind(f),
                f.string("name"), f.integer("max"))));
        x.put("externalSecretReady", f -> {
            String status = f.optionalString("status").orElse("True");
            if (!CONDITION_STATUSES.contains(status)) {
                throw f.error("status", "must be \"True\", \"False\" or \"Unknown\"");
            }
            return done(f, new Expectation.ExternalSecretReady(f.string("namespace"), f.string("name"), status,
                    f.optionalString("reason")));
        });
        x.put("credentialsMatchStore", f -> {
            String user = f.string("user");
            // with store.minio, the user may be a service account created during the story (named by its key)
            if (!storeUsers.contains(user) && !minio) {
                throw f.error("user", "store.users does not declare this user");
            }
            List<Expectation.SecretHop> secrets = new ArrayList<>();
            for (YamlNode node : f.list("secrets")) {
                Fields s = Fields.of(node, "a Secret reference");
                secrets.add(done(s, new Expectation.SecretHop(s.string("namespace"), s.string("name"),
                        s.string("accessKeyIdKey"), s.string("secretAccessKeyKey"))));
            }
            List<Expectation.VaultHop> items = new ArrayList<>();
            for (YamlNode node : f.list("vaultItems")) {
                Fields v = Fields.of(node, "a 1Password item reference");
                items.add(done(v, new Expectation.VaultHop(v.string("vault"), v.string("item"),
                        v.string("accessKeyIdField"), v.string("secretAccessKeyField"))));
            }
            List<Expectation.WorkloadHop> workloads = new ArrayList<>();
            for (YamlNode node : f.list("workloads")) {
                Fields w = Fields.of(node, "a workload reference");
                workloads.add(done(w, new Expectation.WorkloadHop(w.string("namespace"), workloadKind(w),
                        w.string("name"))));
            }
            if (secrets.isEmpty() && items.isEmpty() && workloads.isEmpty()) {
                throw new WorldFileException(f.location(), f.path(),
                        "name at least one of secrets, vaultItems, workloads");
            }
            return done(f, new Expectation.CredentialsMatchStore(user, secrets, items, workloads));
        });
        return x;
    }

    private static String[] binding(Fields f) {
        String binding = f.string("binding");
        String[] parts = binding.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw f.error("binding", "must be <namespace>/<name>");
        }
        return parts;
    }

    private static String driftClass(Fields f) {
        String value = f.string("class");
        for (DriftClass c : DriftClass.values()) {
            if (c.name().equals(value)) {
                return value;
            }
        }
        throw f.error("class", "must be one of " + List.of(DriftClass.values()));
    }
}
