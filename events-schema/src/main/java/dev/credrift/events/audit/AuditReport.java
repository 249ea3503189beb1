package dev.credrift.events.audit;

import dev.credrift.events.BindingId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of verifying an audit stream.
 *
 * @param records         how many records were read
 * @param verifiedThrough per binding, the last sequence verified intact (0 if none)
 * @param findings        the first problem of each broken chain, in stream order
 * @param unkeyed         per binding whose chain begins with unkeyed records (written before an audit key was
 *                        configured; plain SHA-256, so anyone could have recomputed them), which ones
 */
public record AuditReport(
        int records,
        Map<BindingId, Long> verifiedThrough,
        List<AuditFinding> findings,
        Map<BindingId, Unkeyed> unkeyed) {

    /** Copies the collections. */
    public AuditReport {
        verifiedThrough = Map.copyOf(verifiedThrough);
        findings = List.copyOf(findings);
        unkeyed = Map.copyOf(unkeyed);
    }

    /** Whether every chain verified. */
    public boolean intact() {
        return findings.isEmpty();
    }

    /** The finding for a binding, if its chain is broken. */
    public Optional<AuditFinding> findingFor(BindingId bindingId) {
        return findings.stream().filter(f -> f.bindingId().equals(bindingId)).findFirst();
    }

    /**
     * The unkeyed records at the start of a chain.
     *
     * @param first the first unkeyed sequence
     * @param last  the last unkeyed sequence
     * @param count how many
     */
    public record Unkeyed(long first, long last, int count) {

        Unkeyed plus(long sequence) {
            return new Unkeyed(first, sequence, count + 1);
        }
    }
}
