package dev.credrift.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.BindingChanged;
import dev.credrift.events.payload.ConsumerReadinessObserved;
import dev.credrift.events.payload.ConsumerReadinessObserved.Pod;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.ConsumerReadinessObserved.Workload;
import dev.credrift.events.payload.ConsumerReadinessObserved.WorkloadKind;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.ExternalSecretObserved;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.NotificationDelivered;
import dev.credrift.events.payload.NotificationFailed;
import dev.credrift.events.payload.ObjectRef;
import dev.credrift.events.payload.ObservedCredential;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.RemediationSuperseded;
import dev.credrift.events.payload.ReplicaSecretObserved;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.events.payload.SinkKind;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.events.payload.VaultItemObserved;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Shared test data: golden files, schemas, well-formed records and one Java-built payload per type. */
public final class Fixtures {

    public static final ObjectMapper TREES = new ObjectMapper();
    public static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    public static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("test-fingerprint-key-32-bytes!!!".getBytes(StandardCharsets.US_ASCII));
    public static final Credential ROTATED =
            Credential.of("Q5L0RGWROTATEDKEYW1ZK", "rotated-secret-value-from-rgw-0001");
    public static final Credential STALE = Credential.of("8ZKPSTALEVAULTKEYD2QX", "stale-secret-value-in-1password-02");

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(EventType.SCHEMA_BASE, "classpath:schemas/")));
    private static final Map<EventType, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private Fixtures() {}

    public static Optional<byte[]> resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String goldenPath(EventType type) {
        return "golden/" + type.typeName() + ".json";
    }

    public static byte[] golden(EventType type) {
        return resource(goldenPath(type))
                .orElseThrow(() -> new AssertionError("no golden file for " + type.typeName()));
    }

    public static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return TREES.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonSchema schema(EventType type) {
        return LOADED.computeIfAbsent(
                type, t -> SCHEMAS.getSchema(SchemaLocation.of(t.dataSchema().toString())));
    }

    public static Set<ValidationMessage> validate(EventType type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    /** Headers as the codec writes them, for a record built by hand around a given value. */
    public static Map<String, byte[]> headers(EventType type, String subject) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(EventCodec.CE_SPECVERSION, utf8("1.0"));
        headers.put(EventCodec.CE_ID, utf8("3c0f4a2e-0b7d-4d8e-a1f6-6f2b9a0c5e11"));
        headers.put(EventCodec.CE_SOURCE, utf8("urn:credrift:test"));
        headers.put(EventCodec.CE_TYPE, utf8(type.typeName()));
        headers.put(EventCodec.CE_SUBJECT, utf8(subject));
        headers.put(EventCodec.CE_TIME, utf8("2026-11-21T09:17:02.25Z"));
        headers.put(EventCodec.CE_DATASCHEMA, utf8(type.dataSchema().toString()));
        headers.put(EventCodec.CONTENT_TYPE, utf8("application/json"));
        return headers;
    }

    /** A well-formed record around any value; key and subject are the golden binding id. */
    public static KafkaRecord record(EventType type, byte[] value) {
        return new KafkaRecord(LOKI.toString(), headers(type, LOKI.toString()), value);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static ObservedCredential observed(Credential credential) {
        return ObservedCredential.of(credential, FINGERPRINTER);
    }

    public static Fingerprint fp(Credential credential) {
        return FINGERPRINTER.fingerprint(credential);
    }

    /** One payload per type, built in Java (the golden files are the JSON-side counterpart). */
    public static Map<EventType, EventPayload> samples() {
        Instant t = Instant.parse("2026-11-21T09:17:02.123456789Z");
        String rem = "rem-7c1d";
        Map<EventType, EventPayload> samples = new EnumMap<>(EventType.class);
        put(
                samples,
                new SourceSecretObserved(
                        LOKI,
                        new ObjectRef("storage", "rook-ceph-object-user-storage-loki"),
                        "1001",
                        observed(ROTATED),
                        "https://rook-ceph-rgw-storage.storage.svc",
                        List.of()));
        put(
                samples,
                new ReplicaSecretObserved(
                        LOKI,
                        new ObjectRef("monitoring", "loki-s3-credentials"),
                        null,
                        null,
                        List.of(
                                new Problem(
                                        ProblemCode.MISSING_OBJECT,
                                        null,
                                        "Secret monitoring/loki-s3-credentials does not exist"),
                                new Problem(
                                        ProblemCode.NOT_UTF8,
                                        "data.AWS_SECRET_ACCESS_KEY",
                                        "the value is not UTF-8"))));
        put(samples, new VaultItemObserved(LOKI, "Infrastructure", "loki-s3-config", null, observed(STALE), List.of()));
        put(
                samples,
                new ExternalSecretObserved(
                        LOKI,
                        new ObjectRef("monitoring", "loki-s3-credentials"),
                        ExternalSecretObserved.ConditionStatus.FALSE,
                        "SecretSyncedError",
                        "0",
                        ExternalSecretObserved.RefreshPolicy.CREATED_ONCE,
                        t,
                        null,
                        null,
                        List.of(new Problem(ProblemCode.NO_TARGET, "spec.target", "no target secret"))));
        put(
                samples,
                new ConsumerReadinessObserved(
                        LOKI,
                        List.of(
                                new Workload(
                                        WorkloadKind.DEPLOYMENT,
                                        "monitoring",
                                        "loki-gateway",
                                        2,
                                        2,
                                        List.of(SecretMount.VOLUME, SecretMount.SUB_PATH),
                                        List.of(
                                                new Pod("loki-gateway-5d9c7-abcde", true, 0, t),
                                                new Pod("loki-gateway-5d9c7-fghij", false, 3, null))),
                                new Workload(
                                        WorkloadKind.DAEMON_SET, "monitoring", "promtail", 0, 0, List.of(), List.of())),
                        List.of()));
        put(
                samples,
                new BindingChanged(
                        LOKI,
                        BindingChanged.Change.UPDATED,
                        12,
                        List.of(new Problem(
                                ProblemCode.INVALID_VALUE, "spec.mode", "must be one of Remediate, Observe"))));
        put(samples, new ResyncRequested(LOKI, ResyncRequested.Reason.PERIODIC));
        put(
                samples,
                new DriftDetected(
                        LOKI,
                        DriftClass.AUTHORITY_REJECTED,
                        Authority.VAULT,
                        new HopFingerprints(null, fp(STALE), null),
                        StoreVerdict.INVALID_ACCESS_KEY_ID,
                        "the store answers InvalidAccessKeyId for the vault's key 8ZKP\u2026D2QX"));
        put(samples, new RemediationPlanned(LOKI, rem, DriftClass.AUTHORITY_REJECTED, true, List.of()));
        put(samples, new RemediationStarted(LOKI, rem, DriftClass.CONSUMERS_STALE, 2, true));
        put(
                samples,
                new RemediationStepFinished(
                        LOKI,
                        rem,
                        0,
                        StepKind.ROLL_OUT,
                        "StatefulSet monitoring/loki",
                        RemediationStepFinished.Result.ALREADY_DONE,
                        0,
                        null));
        put(samples, new RemediationSucceeded(LOKI, rem, fp(ROTATED), 65_000));
        put(samples, new RemediationFailed(LOKI, rem, null, null, "PLAN_REJECTED", "nothing to do", false));
        put(
                samples,
                new RemediationHalted(
                        LOKI, null, RemediationHalted.Reason.ROLLOUT_BUDGET_EXHAUSTED, "3 rollouts in the last hour"));
        put(
                samples,
                new RemediationSuperseded(
                        LOKI, rem, null, null, fp(STALE), null, "the authority cannot be read any more"));
        put(
                samples,
                new RemediationDeferred(
                        LOKI,
                        rem,
                        4,
                        StepKind.ROLL_OUT,
                        "GLOBAL_ROLLOUT_LIMIT",
                        t,
                        "the global rollout budget is spent"));
        put(samples, new BackInSync(LOKI, fp(ROTATED), null, null));
        put(
                samples,
                new RotationStarted(
                        LOKI, "rot-1", RotationStarted.Trigger.ON_DEMAND, ROTATED.maskedAccessKeyId(), t, true));
        put(
                samples,
                new RotationStepFinished(
                        LOKI,
                        "rot-1",
                        RotationStepKind.WAIT_REVOKE_AFTER,
                        RotationStepFinished.Result.WAITING,
                        "revokeAfter 10m: the old key goes at 09:27"));
        put(
                samples,
                new RotationCompleted(
                        LOKI,
                        "rot-1",
                        ROTATED.maskedAccessKeyId(),
                        fp(ROTATED),
                        STALE.maskedAccessKeyId(),
                        3,
                        1,
                        48_000));
        put(
                samples,
                new RotationFailed(
                        LOKI, "rot-1", null, "OLD_KEY_STILL_HELD", "consumers still hold the old key", true));
        put(
                samples,
                new AttentionRequired(
                        LOKI,
                        AttentionRequired.Reason.VAULT_UNREADABLE,
                        "1Password item 'loki-s3-config' in vault 'Infrastructure' has no field 'secret_key'"));
        put(
                samples,
                new NotificationDelivered(
                        LOKI, "slack-oncall", SinkKind.SLACK, "e-1", EventType.DRIFT_DETECTED.typeName(), 2));
        put(
                samples,
                new NotificationFailed(
                        LOKI,
                        "hook",
                        SinkKind.WEBHOOK,
                        "e-2",
                        EventType.BACK_IN_SYNC.typeName(),
                        1,
                        "TIMEOUT",
                        "no answer in 10s",
                        true));
        put(
                samples,
                new DeadLetter(
                        DeadLetter.UNATTRIBUTED, "credrift.outcomes", 0, 0, null, "NO_VALUE", "record has no value"));
        put(
                samples,
                new AuditRecord(
                        LOKI,
                        3,
                        t,
                        "system:serviceaccount:credrift:credrift",
                        "ROLLED_OUT",
                        "replica matched the authority",
                        rem,
                        null,
                        fp(ROTATED),
                        "a".repeat(64),
                        "b".repeat(64)));
        return samples;
    }

    private static void put(Map<EventType, EventPayload> samples, EventPayload payload) {
        samples.put(payload.type(), payload);
    }
}
