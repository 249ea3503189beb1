package dev.credrift.events.payload;

import dev.credrift.events.BindingId;

/**
 * A binding is in a state that leaves its consumers broken and that credrift cannot heal by itself: a human must act
 * (architecture.md §5.1 rule 6). Published once when the state is reached, not at every resync. A rejected authority and an
 * unsyncable replica are told by {@link DriftDetected} with their drift class; a halt by {@link RemediationHalted}.
 *
 * @param reason why nothing is healed
 * @param detail what is wrong and what to do, for a human, e.g. "Deployment monitoring/loki-read is paused: not
 *               rolled; resume it or restart its pods"
 */
public record AttentionRequired(BindingId bindingId, Reason reason, String detail) implements EventPayload {

    /** Validates like {@code dev.credrift.drift.attention-required.v1.json}. */
    public AttentionRequired {
        Check.required(bindingId, "bindingId");
        Check.required(reason, "reason");
        Check.text(detail, "detail", Check.TEXT_MAX);
    }

    @Override
    public EventType type() {
        return EventType.ATTENTION_REQUIRED;
    }

    /** Why a human must act. */
    public enum Reason {
        /** The authority's credential cannot be read (source Secret or vault item missing, a field absent). */
        AUTHORITY_UNREADABLE,
        /** The vault item cannot be read (missing, a field absent, forbidden): it can be neither read nor written. */
        VAULT_UNREADABLE,
        /** The ExternalSecret cannot be read, so the replica can be neither judged nor synced. */
        REPLICA_UNREADABLE,
        /** A consumer's pods are stale and its workload is paused: a rollout restart would not replace them. */
        CONSUMER_PAUSED
    }
}
