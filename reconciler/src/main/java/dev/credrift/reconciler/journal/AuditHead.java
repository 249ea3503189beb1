package dev.credrift.reconciler.journal;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AuditRecord;
import java.time.Instant;

/**
 * The last record of a binding's audit chain, journaled so that the chain continues after a restart. {@code keyId}
 * is absent in heads journaled before audit keys existed (and for unkeyed records).
 */
public record AuditHead(
        long sequence,
        Instant time,
        String actor,
        String action,
        String reason,
        String correlationId,
        Fingerprint before,
        Fingerprint after,
        String prevHash,
        String hash,
        String keyId) {

    public static AuditHead of(AuditRecord record) {
        return new AuditHead(
                record.sequence(),
                record.time(),
                record.actor(),
                record.action(),
                record.reason(),
                record.correlationId(),
                record.before(),
                record.after(),
                record.prevHash(),
                record.hash(),
                record.keyId());
    }

    public AuditRecord toRecord(BindingId bindingId) {
        return new AuditRecord(
                bindingId, sequence, time, actor, action, reason, correlationId, before, after, prevHash, hash, keyId);
    }
}
