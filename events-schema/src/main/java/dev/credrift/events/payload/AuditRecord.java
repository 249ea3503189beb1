package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One link of a binding's audit chain: who did what, why, and to which credential, chained to the
 * previous link by {@code prevHash}. Built by {@code AuditChain}, checked by {@code AuditVerifier}.
 *
 * <p>{@code hash} = lowercase hex HMAC-SHA256 under the audit key named by {@code keyId} (or, for a record
 * without {@code keyId}, written before audit keys existed, plain SHA-256) over the UTF-8 bytes of {@code prevHash}
 * followed by the canonical form of the other fields: a JSON object with keys in alphabetical order, absent fields
 * left out, no whitespace, {@code time} as written by {@link Instant#toString()}.
 *
 * @param sequence      position in the binding's chain, from 1
 * @param actor         who acted, e.g. {@code credrift-reconciler} or a service account
 * @param action        what was done or decided, e.g. {@code VAULT_WRITTEN}
 * @param reason        why, for a human
 * @param correlationId ties the record to the events of the same remediation or observation
 * @param before        fingerprint before the action, if it changed or read one
 * @param after         fingerprint after the action, if it changed or read one
 * @param prevHash      the previous record's hash, or {@link #GENESIS_HASH} for sequence 1
 * @param hash          this record's hash
 * @param keyId         the audit key that sealed it ({@code AuditKey#id()}), or {@code null} for an unkeyed record
 */
public record AuditRecord(
        BindingId bindingId,
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
        String keyId)
        implements EventPayload {

    /** The {@code prevHash} of the first record of every chain. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates like {@code dev.credrift.audit.record.v1.json} (shape only; the verifier checks hashes). */
    public AuditRecord {
        Check.required(bindingId, "bindingId");
        Check.atLeast(sequence, 1, "sequence");
        Check.required(time, "time");
        Check.text(actor, "actor", Check.NAME_MAX);
        Check.code(action, "action");
        Check.text(reason, "reason", Check.TEXT_MAX);
        Check.token(correlationId, "correlationId");
        Check.matching(prevHash, Check.SHA256_HEX, "prevHash", "must be 64 lowercase hex characters");
        Check.matching(hash, Check.SHA256_HEX, "hash", "must be 64 lowercase hex characters");
        Check.optionalMatching(keyId, KEY_ID, "keyId", "must be 1 to 64 base64url characters");
    }

    /** An unkeyed record (plain SHA-256), as written before audit keys existed. */
    public AuditRecord(
            BindingId bindingId,
            long sequence,
            Instant time,
            String actor,
            String action,
            String reason,
            String correlationId,
            Fingerprint before,
            Fingerprint after,
            String prevHash,
            String hash) {
        this(bindingId, sequence, time, actor, action, reason, correlationId, before, after, prevHash, hash, null);
    }

    /** Whether an audit key sealed it. */
    public boolean keyed() {
        return keyId != null;
    }

    @Override
    public EventType type() {
        return EventType.AUDIT_RECORD;
    }
}
