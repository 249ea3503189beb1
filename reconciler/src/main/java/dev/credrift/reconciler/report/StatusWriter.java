package dev.credrift.reconciler.report;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.AuditChainHead;
import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionStatus;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.Conditions;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.DriftClass;
import dev.credrift.api.status.Fingerprints;
import dev.credrift.api.status.Halt;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RotationKey;
import dev.credrift.api.status.RotationStatus;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.world.ClusterReads;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a binding's status through the status subresource: read it fresh, merge our conditions into it (keeping
 * each condition's transition time while its status holds), and replace it (see {@link
 * KubeGateway#replaceBindingStatus} for why a JSON Patch). Writes only when something would change, so it never
 * loops on its own updates; whether something would change is first judged on the cached binding, so a handling that
 * changes nothing reads nothing from the API server (issue 13). Blocking.
 */
public final class StatusWriter {

    /** Condition reasons shared with the watcher, so that both writers agree on {@code Valid}. */
    public static final String SPEC_VALID = "SpecValid";

    public static final String SPEC_INVALID = "SpecInvalid";

    private final KubeGateway kube;
    private final ClusterReads cached;
    private final Conditions conditions;

    /** Reads the binding from the API server only. */
    public StatusWriter(KubeGateway kube, Clock clock) {
        this(kube, kube, clock);
    }

    /**
     * @param cached where the binding is looked at first: when its status already says the report, nothing is read
     *               from the API server or written
     */
    public StatusWriter(KubeGateway kube, ClusterReads cached, Clock clock) {
        this.kube = Objects.requireNonNull(kube, "kube");
        this.cached = Objects.requireNonNull(cached, "cached");
        this.conditions = new Conditions(clock);
    }

    /** Writes the report unless the binding already says it; returns whether it wrote. */
    public boolean write(BindingId id, StatusReport report) {
        if (cached != kube
                && cached.binding(id).filter(raw -> says(raw, report)).isPresent()) {
            return false;
        }
        Optional<GenericKubernetesResource> raw = kube.binding(id);
        if (raw.isEmpty()) {
            return false; // deleted meanwhile
        }
        CredentialBindingStatus current = current(raw.get());
        CredentialBindingStatus desired = desired(raw.get(), current, report);
        if (desired.equals(current)) {
            return false;
        }
        try {
            kube.replaceBindingStatus(id, body(desired));
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the binding's status already says what the report would write. */
    private boolean says(GenericKubernetesResource raw, StatusReport report) {
        CredentialBindingStatus current = current(raw);
        return desired(raw, current, report).equals(current);
    }

    /** The status the report asks for, merged into {@code current}. Pure apart from the clock. */
    CredentialBindingStatus desired(
            GenericKubernetesResource raw, CredentialBindingStatus current, StatusReport report) {
        CredentialBinding stamp = new CredentialBinding();
        stamp.setMetadata(raw.getMetadata());
        List<Condition> updates = new ArrayList<>();
        updates.add(
                report.validation().isValid()
                        ? conditions.newTrue(stamp, ConditionType.VALID, SPEC_VALID, "")
                        : conditions.newFalse(
                                stamp,
                                ConditionType.VALID,
                                SPEC_INVALID,
                                report.validation().errorSummary()));
        updates.add(inSync(stamp, report));
        updates.add(report.remediating()
                .map(r -> conditions.newTrue(stamp, ConditionType.REMEDIATING, r.reason(), r.message()))
                .orElseGet(() -> conditions.newFalse(
                        stamp, ConditionType.REMEDIATING, idleReason(report), "no remediation is running")));
        updates.add(report.halt()
                .map(h -> conditions.newTrue(stamp, ConditionType.HALTED, h.reason(), h.message()))
                .orElseGet(() -> conditions.newFalse(
                        stamp, ConditionType.HALTED, "NotHalted", "automatic remediation is allowed")));
        report.rotation()
                .ifPresent(r -> updates.add(
                        conditions.of(stamp, ConditionType.ROTATING, r.rotating(), r.reason(), r.message())));
        List<Condition> merged = Conditions.merge(current.conditions(), updates.toArray(Condition[]::new));
        DriftClass driftClass = report.classification()
                .filter(Classification.Classified.class::isInstance)
                .map(c -> DriftClass.fromWire(
                        ((Classification.Classified) c).driftClass().name()))
                .orElse(null);
        return new CredentialBindingStatus(
                raw.getMetadata().getGeneration(),
                merged,
                report.fingerprints().orElse(current.fingerprints()),
                driftClass,
                report.lastRemediation().map(StatusWriter::seconds).orElse(current.lastRemediation()),
                report.halt()
                        .map(h -> new Halt(truncate(h.since()), h.reason(), h.message(), h.remediationId()))
                        .orElse(null),
                report.auditHead().orElse(current.auditHead()),
                report.rotation().map(r -> seconds(r.status())).orElse(current.rotation()));
    }

    private Condition inSync(CredentialBinding stamp, StatusReport report) {
        if (report.classification().isEmpty()) {
            return conditions.newUnknown(
                    stamp, ConditionType.IN_SYNC, SPEC_INVALID, "the spec is invalid: see the Valid condition");
        }
        Classification c = report.classification().get();
        ConditionStatus status = c instanceof Classification.Classified classified
                ? classified.inSync() ? ConditionStatus.TRUE : ConditionStatus.FALSE
                : ConditionStatus.UNKNOWN;
        return conditions.of(stamp, ConditionType.IN_SYNC, status, c.reason(), c.detail());
    }

    private static String idleReason(StatusReport report) {
        return report.lastRemediation()
                .map(l -> l.outcome() == null ? "Idle" : l.outcome().wireName())
                .filter(r -> r != null && !"Running".equals(r))
                .orElse("Idle");
    }

    private CredentialBindingStatus current(GenericKubernetesResource raw) {
        Object status = raw.getAdditionalProperties().get("status");
        if (status == null) {
            return CredentialBindingStatus.EMPTY;
        }
        try {
            CredentialBindingStatus read = kube.serialization().convertValue(status, CredentialBindingStatus.class);
            return read == null ? CredentialBindingStatus.EMPTY : read;
        } catch (RuntimeException e) {
            return CredentialBindingStatus.EMPTY;
        }
    }

    // Built by hand: the api's Condition record would also serialize its isTrue()/isFalse() helpers.
    private static Map<String, Object> body(CredentialBindingStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observedGeneration", status.observedGeneration());
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Condition c : status.conditions()) {
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("type", c.type().wireName());
            condition.put("status", c.status().wireName());
            condition.put("reason", c.reason());
            condition.put("message", c.message() == null ? "" : c.message());
            condition.put(
                    "lastTransitionTime",
                    c.lastTransitionTime() == null
                            ? null
                            : c.lastTransitionTime().toString());
            condition.put("observedGeneration", c.observedGeneration());
            conditions.add(condition);
        }
        body.put("conditions", conditions);
        Fingerprints fp = status.fingerprints();
        body.put(
                "fingerprints",
                fp == null
                        ? null
                        : fields(
                                "source",
                                fp.source(),
                                "vault",
                                fp.vault(),
                                "replica",
                                fp.replica(),
                                "consumers",
                                fp.consumers()));
        body.put(
                "driftClass",
                status.driftClass() == null ? null : status.driftClass().wireName());
        LastRemediation last = status.lastRemediation();
        body.put(
                "lastRemediation",
                last == null
                        ? null
                        : fields(
                                "id",
                                last.id(),
                                "outcome",
                                last.outcome() == null ? null : last.outcome().wireName(),
                                "startedAt",
                                text(last.startedAt()),
                                "finishedAt",
                                text(last.finishedAt())));
        Halt halt = status.halted();
        body.put(
                "halted",
                halt == null
                        ? null
                        : fields(
                                "since",
                                text(halt.since()),
                                "reason",
                                halt.reason(),
                                "message",
                                halt.message(),
                                "remediationId",
                                halt.remediationId()));
        AuditChainHead head = status.auditHead();
        body.put(
                "auditHead",
                head == null ? null : fields("sequence", head.sequence(), "hash", head.hash(), "keyId", head.keyId()));
        body.put("rotation", status.rotation() == null ? null : rotation(status.rotation()));
        return body;
    }

    private static Map<String, Object> rotation(RotationStatus r) {
        return fields(
                "phase",
                r.phase() == null ? null : r.phase().wireName(),
                "rotationId",
                r.rotationId(),
                "startedAt",
                text(r.startedAt()),
                "finishedAt",
                text(r.finishedAt()),
                "step",
                r.step(),
                "newKey",
                key(r.newKey()),
                "oldKey",
                key(r.oldKey()),
                "nextDue",
                text(r.nextDue()),
                "lastRequest",
                r.lastRequest(),
                "message",
                r.message());
    }

    private static Map<String, Object> key(RotationKey key) {
        return key == null ? null : fields("accessKeyId", key.accessKeyId(), "fingerprint", key.fingerprint());
    }

    // what is read back from the API server has whole seconds: compare like with like, or every write differs
    private static RotationStatus seconds(RotationStatus r) {
        return new RotationStatus(
                r.phase(),
                r.rotationId(),
                truncate(r.startedAt()),
                truncate(r.finishedAt()),
                r.step(),
                r.newKey(),
                r.oldKey(),
                truncate(r.nextDue()),
                r.lastRequest(),
                r.message());
    }

    // merge-patch semantics: a key with null is removed, so absent sub-fields are sent as null too
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static LastRemediation seconds(LastRemediation last) {
        return new LastRemediation(last.id(), last.outcome(), truncate(last.startedAt()), truncate(last.finishedAt()));
    }
}
