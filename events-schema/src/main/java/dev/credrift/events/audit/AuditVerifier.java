package dev.credrift.events.audit;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.AuditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies audit records in stream order (bindings interleaved, as on the audit topic) and reports,
 * per binding, the first removed, reordered or altered record. Records removed from the very end of
 * a chain cannot be seen without an outside anchor (e.g. the binding's status).
 */
public final class AuditVerifier {

    private final boolean requireGenesis;

    private AuditVerifier(boolean requireGenesis) {
        this.requireGenesis = requireGenesis;
    }

    /** Every chain must start at sequence 1 with the genesis hash. */
    public static AuditVerifier fromGenesis() {
        return new AuditVerifier(true);
    }

    /** Each chain may start anywhere (retention removed its beginning); its first record is trusted as the anchor. */
    public static AuditVerifier fromAnyRecord() {
        return new AuditVerifier(false);
    }

    /** Verifies the records in the order given. */
    public AuditReport verify(List<AuditRecord> stream) {
        Map<BindingId, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < stream.size(); i++) {
            positions.computeIfAbsent(stream.get(i).bindingId(), b -> new ArrayList<>()).add(i);
        }
        Map<BindingId, Long> verifiedThrough = new HashMap<>();
        List<AuditFinding> findings = new ArrayList<>();
        for (Map.Entry<BindingId, List<Integer>> chain : positions.entrySet()) {
            ChainResult result = verifyChain(chain.getKey(), chain.getValue(), stream);
            verifiedThrough.put(chain.getKey(), result.verifiedThrough);
            if (result.finding != null) {
                findings.add(result.finding);
            }
        }
        findings.sort(Comparator.comparingInt(AuditFinding::position));
        return new AuditReport(stream.size(), verifiedThrough, findings);
    }

    private record ChainResult(long verifiedThrough, AuditFinding finding) {
    }

    private ChainResult verifyChain(BindingId binding, List<Integer> positions, List<AuditRecord> stream) {
        AuditRecord previous = null;
        long expected = requireGenesis ? 1 : stream.get(positions.get(0)).sequence();
        for (int k = 0; k < positions.size(); k++) {
            int position = positions.get(k);
            AuditRecord record = stream.get(position);
            long verified = previous == null ? 0 : previous.sequence();
            if (!AuditHash.of(record).equals(record.hash())) {
                return new ChainResult(verified, new AuditFinding.RecordAltered(binding, position, record.sequence(),
                        "its hash does not match its content"));
            }
            if (previous != null && record.sequence() == previous.sequence() && record.hash().equals(previous.hash())) {
                // an exact repeat (a producer retry): it adds nothing and breaks nothing
                continue;
            }
            if (record.sequence() > expected) {
                long missing = expected;
                boolean comesLater = positions.subList(k + 1, positions.size()).stream()
                        .anyMatch(p -> stream.get(p).sequence() == missing);
                return new ChainResult(verified, comesLater
                        ? new AuditFinding.RecordReordered(binding, position, expected, record.sequence())
                        : new AuditFinding.RecordRemoved(binding, position, expected, record.sequence()));
            }
            if (record.sequence() < expected) {
                return new ChainResult(verified,
                        new AuditFinding.RecordReordered(binding, position, expected, record.sequence()));
            }
            String expectedPrev = previous != null ? previous.hash() : requireGenesis ? AuditRecord.GENESIS_HASH : null;
            if (expectedPrev != null && !expectedPrev.equals(record.prevHash())) {
                return new ChainResult(verified, new AuditFinding.RecordAltered(binding, position, record.sequence(),
                        previous == null ? "the first record does not chain to genesis"
                                : "its prevHash does not match the hash of sequence " + previous.sequence()));
            }
            previous = record;
            expected = record.sequence() + 1;
        }
        return new ChainResult(previous == null ? 0 : previous.sequence(), null);
    }
}
