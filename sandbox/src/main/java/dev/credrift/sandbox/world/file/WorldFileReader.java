package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.ConnectFaultSpec;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.ReconcilerBudgetSpec;
import dev.credrift.sandbox.world.spec.SourceLocation;
import dev.credrift.sandbox.world.spec.StoreSpec;
import dev.credrift.sandbox.world.spec.StsSpec;
import dev.credrift.sandbox.world.spec.TimelineStep;
import dev.credrift.sandbox.world.spec.VaultSpec;
import dev.credrift.sandbox.world.spec.WorldObject;
import dev.credrift.sandbox.world.spec.WorldSettings;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
 *   backend: standIn | rgw     # rgw: a real Ceph RGW (needs the Ceph binaries; no minio or sts; buckets
 *                              #   belong to the first user; rotations are radosgw-admin key create + key rm)
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

    private final String file;
    private final Placeholders declared = new Placeholders();
    private final StsSection sts = new StsSection();
    private final ObjectsSection objectsSection = new ObjectsSection(declared);
    private final TimelineSection timelineSection = new TimelineSection(declared, objectsSection, sts);

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
            throw new WorldFileException(
                    new SourceLocation(path.toString(), 1, 1),
                    "",
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
        if (!ObjectsSection.NAME.matcher(name).matches()) {
            throw world.error("name", "must be lower-case letters, digits, '-' and '.'");
        }
        String description = world.optionalString("description").orElse("");
        WorldSettings settings = settings(world.optionalMap("settings", "settings"));
        StoreSpec store = new StoreSection(declared).read(world.optionalMap("store", "the store"));
        if (declared.rgw() && world.has("sts")) {
            throw world.error(
                    "sts",
                    "the STS stand-ins hand out temporary keys that only the S3 stand-in accepts;"
                            + " remove store.backend: rgw, or this field");
        }
        Optional<StsSpec> stsSpec =
                world.optionalMap("sts", "the STS stand-ins").map(f -> sts.read(f, declared.storeUsers()));
        Optional<Fields> onePassword = world.optionalMap("onePassword", "the 1Password settings");
        List<VaultSpec> vaults = new ArrayList<>();
        Optional<Duration> lag = Optional.empty();
        List<ConnectFaultSpec> faults = List.of();
        if (onePassword.isPresent()) {
            Fields op = onePassword.get();
            lag = op.optionalDuration("readAfterWriteLag");
            for (YamlNode vault : op.list("vaults")) {
                vaults.add(VaultsSection.vault(Fields.of(vault, "a vault"), declared));
            }
            faults = ConnectFaultsSection.read(op.list("faults"));
            op.done();
        }
        ReconcilerBudgetSpec reconciler =
                ReconcilerSection.read(world.optionalMap("reconciler", "the reconciler's budgets"));
        List<WorldObject> objects = new ArrayList<>();
        for (YamlNode object : world.list("objects")) {
            objects.add(objectsSection.object(object));
        }
        List<TimelineStep> timeline = new ArrayList<>();
        for (YamlNode step : world.list("timeline")) {
            timeline.add(timelineSection.step(Fields.of(step, "a timeline step")));
        }
        timeline.sort(Comparator.comparing(TimelineStep::at));
        List<ExpectationSpec> expectations = new ArrayList<>();
        ExpectSection expectSection = new ExpectSection(declared);
        Optional<Fields> expect = world.optionalMap("expect", "the expected end state");
        if (expect.isPresent()) {
            Fields e = expect.get();
            Duration within = e.duration("within", settings.expectWithin());
            for (YamlNode entry : e.list("all")) {
                expectations.add(expectSection.expectation(Fields.of(entry, "an expectation"), within));
            }
            e.done();
        }
        world.done();
        return new WorldSpec(
                name,
                description,
                file,
                store,
                vaults,
                lag,
                objects,
                timeline,
                expectations,
                settings,
                stsSpec,
                faults,
                reconciler);
    }

    private WorldSettings settings(Optional<Fields> fields) {
        WorldSettings d = WorldSettings.defaults();
        if (fields.isEmpty()) {
            return d;
        }
        Fields s = fields.get();
        WorldSettings settings = new WorldSettings(
                positive(s, "tick", d.tick()),
                positive(s, "probePeriod", d.probePeriod()),
                positive(s, "crashLoopBackOff", d.crashLoopBackOff()),
                positive(s, "crashLoopBackOffMax", d.crashLoopBackOffMax()),
                positive(s, "settleTimeout", d.settleTimeout()),
                positive(s, "expectWithin", d.expectWithin()));
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
}
