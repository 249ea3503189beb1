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
 * Appends audit records to per-binding hash chains: sequence + 1, {@code prevHash} = the previous
 * record's hash. Keeps only each chain's head in memory; thread-safe.
 */
public final class AuditChain {

    private final Clock clock;
    private final Map<BindingId, AuditRecord> heads = new HashMap<>();

    /** @param clock where record times come from */
    public AuditChain(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        // build once with a placeholder hash to validate and canonicalise, then seal with the real one
        AuditRecord unsealed = new AuditRecord(entry.bindingId(), sequence, clock.instant(), entry.actor(),
                entry.action(), entry.reason(), entry.correlationId(), entry.before(), entry.after(), prevHash,
                AuditRecord.GENESIS_HASH);
        AuditRecord sealed = new AuditRecord(unsealed.bindingId(), unsealed.sequence(), unsealed.time(),
                unsealed.actor(), unsealed.action(), unsealed.reason(), unsealed.correlationId(), unsealed.before(),
                unsealed.after(), prevHash, AuditHash.of(unsealed));
        heads.put(entry.bindingId(), sealed);
        return sealed;
    }

    /**
     * Continues a chain after a restart from its last record (read back from the audit topic).
     *
     * @throws ContractViolation if the record's hash does not match its content
     */
    public synchronized void resume(AuditRecord last) {
        Objects.requireNonNull(last, "last");
        if (!AuditHash.of(last).equals(last.hash())) {
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
