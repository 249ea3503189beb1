package dev.credrift.events.audit;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.payload.AuditRecord;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends audit records to per-binding hash chains, {@code prevHash} = the previous
 * record's hash, sealed with the current {@link AuditKey} (HMAC) when there is one. Keeps only each chain's head in
 * memory; thread-safe.
 */
public final class AuditChain {

    private final Clock clock;
    private final AuditKeys keys;
    private final Map<BindingId, AuditRecord> heads = new HashMap<>();

    /** Unkeyed: records are chained with plain SHA-256, as before audit keys existed. */
    public AuditChain(Clock clock) {
        this(clock, AuditKeys.none());
    }

    /**
     * @param clock where record times come from
     * @param keys  the current key seals new records; every key verifies a record resumed from
     */
    public AuditChain(Clock clock, AuditKeys keys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The next record of the entry's binding, chained to the previous one (or to genesis). */
    public synchronized AuditRecord append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.bindingId() == null) {
            throw new ContractViolation("bindingId", "is required");
        }
        AuditRecord head = heads.get(entry.bindingId());
        long sequence = head == null ? 1 : head.sequence() + 1;
        String prevHash = head == null ? AuditRecord.GENESIS_HASH : head.hash();
        AuditKey key = keys.current().orElse(null);
        // build once with a placeholder hash to validate and canonicalise, then seal with the real one
        AuditRecord unsealed = new AuditRecord(
                entry.bindingId(),
                sequence,
                clock.instant(),
                entry.actor(),
                entry.action(),
                entry.reason(),
                entry.correlationId(),
                entry.before(),
                entry.after(),
                prevHash,
                AuditRecord.GENESIS_HASH,
                key == null ? null : key.id());
        AuditRecord sealed = new AuditRecord(
                unsealed.bindingId(),
                unsealed.sequence(),
                unsealed.time(),
                unsealed.actor(),
                unsealed.action(),
                unsealed.reason(),
                unsealed.correlationId(),
                unsealed.before(),
                unsealed.after(),
                prevHash,
                AuditHash.of(unsealed, key),
                unsealed.keyId());
        heads.put(entry.bindingId(), sealed);
        return sealed;
    }

    /**
     * Continues a chain after a restart from its last record (read back from the audit topic).
     *
     * @throws ContractViolation if the record's hash does not match its content, or it names an audit key not known
     */
    public synchronized void resume(AuditRecord last) {
        Objects.requireNonNull(last, "last");
        boolean matches = AuditHash.matches(last, keys)
                .orElseThrow(() -> new ContractViolation(
                        "keyId",
                        "names audit key " + last.keyId() + ", which is not configured (known: " + keys.ids()
                                + "); refusing to chain onto a record that cannot be checked"));
        if (!matches) {
            throw new ContractViolation("hash", "does not match the record's content; refusing to chain onto it");
        }
        AuditRecord known = heads.get(last.bindingId());
        if (known == null || known.sequence() < last.sequence()) {
            heads.put(last.bindingId(), last);
        }
    }

    /** The last record appended or resumed for a binding. */
    public synchronized Optional<AuditRecord> head(BindingId bindingId) {
        return Optional.ofNullable(heads.get(bindingId));
    }
}
