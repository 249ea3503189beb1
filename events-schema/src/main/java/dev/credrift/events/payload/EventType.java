package dev.credrift.events.payload;

import dev.credrift.events.Topic;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of CloudEvent types {@code dev.credrift.<area>.<what>.v1}: payload record, default
 * topic and JSON Schema of each.
 */
public enum EventType {
    SOURCE_SECRET_OBSERVED("observation.source-secret", SourceSecretObserved.class, Topic.OBSERVATIONS),
    REPLICA_SECRET_OBSERVED("observation.replica-secret", ReplicaSecretObserved.class, Topic.OBSERVATIONS),
    VAULT_ITEM_OBSERVED("observation.vault-item", VaultItemObserved.class, Topic.OBSERVATIONS),
    EXTERNAL_SECRET_OBSERVED("observation.external-secret", ExternalSecretObserved.class, Topic.OBSERVATIONS),
    CONSUMER_READINESS_OBSERVED("observation.consumer-readiness", ConsumerReadinessObserved.class, Topic.OBSERVATIONS),
    BINDING_CHANGED("observation.binding-changed", BindingChanged.class, Topic.OBSERVATIONS),
    RESYNC_REQUESTED("observation.resync", ResyncRequested.class, Topic.OBSERVATIONS),

    DRIFT_DETECTED("drift.detected", DriftDetected.class, Topic.OUTCOMES),
    REMEDIATION_PLANNED("remediation.planned", RemediationPlanned.class, Topic.OUTCOMES),
    REMEDIATION_STARTED("remediation.started", RemediationStarted.class, Topic.OUTCOMES),
    REMEDIATION_STEP_FINISHED("remediation.step-finished", RemediationStepFinished.class, Topic.OUTCOMES),
    REMEDIATION_SUCCEEDED("remediation.succeeded", RemediationSucceeded.class, Topic.OUTCOMES),
    REMEDIATION_FAILED("remediation.failed", RemediationFailed.class, Topic.OUTCOMES),
    REMEDIATION_HALTED("remediation.halted", RemediationHalted.class, Topic.OUTCOMES),
    REMEDIATION_SUPERSEDED("remediation.superseded", RemediationSuperseded.class, Topic.OUTCOMES),
    REMEDIATION_DEFERRED("remediation.deferred", RemediationDeferred.class, Topic.OUTCOMES),
    BACK_IN_SYNC("drift.back-in-sync", BackInSync.class, Topic.OUTCOMES),
    ATTENTION_REQUIRED("drift.attention-required", AttentionRequired.class, Topic.OUTCOMES),

    ROTATION_STARTED("rotation.started", RotationStarted.class, Topic.OUTCOMES),
    ROTATION_STEP("rotation.step", RotationStepFinished.class, Topic.OUTCOMES),
    ROTATION_COMPLETED("rotation.completed", RotationCompleted.class, Topic.OUTCOMES),
    ROTATION_FAILED("rotation.failed", RotationFailed.class, Topic.OUTCOMES),

    NOTIFICATION_DELIVERED("notification.delivered", NotificationDelivered.class, Topic.OUTCOMES),
    NOTIFICATION_FAILED("notification.failed", NotificationFailed.class, Topic.OUTCOMES),

    DEAD_LETTER("deadletter.record", DeadLetter.class, Topic.DEADLETTER),
    AUDIT_RECORD("audit.record", AuditRecord.class, Topic.AUDIT);

    /** Where the schemas are published; {@code dataschema} = this + type name + ".json". */
    public static final String SCHEMA_BASE = "https://credrift.dev/schemas/";

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final Class<? extends EventPayload> payloadClass;
    private final Topic topic;

    EventType(String areaAndWhat, Class<? extends EventPayload> payloadClass, Topic topic) {
        this.typeName = "dev.credrift." + areaAndWhat + ".v1";
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.credrift.drift.detected.v1}. */
    public String typeName() {
        return typeName;
    }

    /** The payload record. */
    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The topic this type is published to. */
    public Topic topic() {
        return topic;
    }

    /** The CloudEvents {@code dataschema}, also the schema's {@code $id}. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + typeName + ".json");
    }

    /** The schema's classpath resource, {@code schemas/<type>.json}. */
    public String schemaResource() {
        return "schemas/" + typeName + ".json";
    }

    /** The type with this CloudEvents type name, if credrift knows it. */
    public static Optional<EventType> fromTypeName(String typeName) {
        return Optional.ofNullable(typeName == null ? null : BY_NAME.get(typeName));
    }
}
