package dev.credrift.events.payload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.credrift.events.BindingId;

/** The data of a credrift CloudEvent; every payload is about exactly one binding. */
public sealed interface EventPayload
        permits SourceSecretObserved,
                ReplicaSecretObserved,
                VaultItemObserved,
                ExternalSecretObserved,
                ConsumerReadinessObserved,
                BindingChanged,
                ResyncRequested,
                DriftDetected,
                RemediationPlanned,
                RemediationStarted,
                RemediationStepFinished,
                RemediationSucceeded,
                RemediationFailed,
                RemediationHalted,
                RemediationSuperseded,
                RemediationDeferred,
                BackInSync,
                AttentionRequired,
                RotationStarted,
                RotationStepFinished,
                RotationCompleted,
                RotationFailed,
                NotificationDelivered,
                NotificationFailed,
                DeadLetter,
                AuditRecord {

    /** The binding this event is about: Kafka key and CloudEvents subject. */
    BindingId bindingId();

    /** The CloudEvent type of this payload. */
    @JsonIgnore
    EventType type();
}
