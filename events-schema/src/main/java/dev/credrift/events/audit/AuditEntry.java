package dev.credrift.events.audit;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;

/**
 * What to record, before {@link AuditChain} adds sequence, time and hashes.
 *
 * @param before fingerprint before the action, or {@code null}
 * @param after  fingerprint after the action, or {@code null}
 */
public record AuditEntry(
        BindingId bindingId,
        String actor,
        String action,
        String reason,
        String correlationId,
        Fingerprint before,
        Fingerprint after) {}
