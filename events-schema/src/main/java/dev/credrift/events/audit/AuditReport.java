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
 */
public record AuditReport(int records, Map<BindingId, Long> verifiedThrough, List<AuditFinding> findings) {

    /** Copies the collections. */
    public AuditReport {
        verifiedThrough = Map.copyOf(verifiedThrough);
        findings = List.copyOf(findings);
    }

    /** Whether every chain verified. */
    public boolean intact() {
        return findings.isEmpty();
    }

    /** The finding for a binding, if its chain is broken. */
    public Optional<AuditFinding> findingFor(BindingId bindingId) {
        return findings.stream().filter(f -> f.bindingId().equals(bindingId)).findFirst();
    }
}
