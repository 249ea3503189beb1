package dev.credrift.events.audit;

import dev.credrift.events.ContractViolation;

/**
 * A chain head published outside the audit topic (the reconciler writes it into each binding's status): the chain
 * must reach {@code sequence}, and the record there must carry {@code hash}. This is what makes a dropped tail
 * visible — without an outside anchor the last records of a chain can vanish without a trace.
 *
 * @param sequence the head's sequence, from 1
 * @param hash     the head's hash (an HMAC for a keyed chain, so only a key holder can forge it)
 */
public record ChainAnchor(long sequence, String hash) {

    public ChainAnchor {
        if (sequence < 1) {
            throw new ContractViolation("sequence", "must be at least 1");
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new ContractViolation("hash", "must be 64 lowercase hex characters");
        }
    }
}
