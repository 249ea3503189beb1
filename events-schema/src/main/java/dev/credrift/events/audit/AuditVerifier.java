package dev.credrift.events.audit;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.AuditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies audit records in stream order (bindings interleaved, as on the audit topic) and reports, per binding, the
 * first removed, reordered or altered record.
 *
 * <p>Keyed records (with a {@code keyId}) are checked with the audit key they name, so a rewrite that recomputes every
 * hash without the key fails. Unkeyed records (plain SHA-256, written before audit keys existed) are accepted only at
 * the start of a chain and reported as such: an unkeyed record after a keyed one is a downgrade, i.e. a rewrite.
 * Records removed from the very end of a chain are seen only against an outside {@link ChainAnchor} (the head the
 * reconciler publishes in each binding's status).
 */
public final class AuditVerifier {

    private final boolean requireGenesis;
    private final AuditKeys keys;

    private AuditVerifier(boolean requireGenesis, AuditKeys keys) {
        this.requireGenesis = requireGenesis;
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Every chain must start at sequence 1 with the genesis hash; no keys (keyed records are reported unverifiable). */
    public static AuditVerifier fromGenesis() {
        return fromGenesis(AuditKeys.none());
    }

    /** Every chain must start at sequence 1 with the genesis hash; keyed records are checked with {@code keys}. */
    public static AuditVerifier fromGenesis(AuditKeys keys) {
        return new AuditVerifier(true, keys);
    }

    /** Each chain may start anywhere (retention removed its beginning); its first record is trusted as the anchor. */
    public static AuditVerifier fromAnyRecord() {
        return fromAnyRecord(AuditKeys.none());
    }

    /** As {@link #fromAnyRecord()}, checking keyed records with {@code keys}. */
    public static AuditVerifier fromAnyRecord(AuditKeys keys) {
        return new AuditVerifier(false, keys);
    }

    /** Verifies the records in the order given. */
    public AuditReport verify(List<AuditRecord> stream) {
        return verify(stream, Map.of());
    }

    /**
     * Verifies the records in the order given, and each anchored chain against its anchor: it must reach the
     * anchor's sequence, with the anchor's hash there.
     */
    public AuditReport verify(List<AuditRecord> stream, Map<BindingId, ChainAnchor> anchors) {
        Map<BindingId, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < stream.size(); i++) {
            positions
                    .computeIfAbsent(stream.get(i).bindingId(), b -> new ArrayList<>())
                    .add(i);
        }
        anchors.keySet().forEach(binding -> positions.putIfAbsent(binding, List.of()));
        Map<BindingId, Long> verifiedThrough = new HashMap<>();
        Map<BindingId, AuditReport.Unkeyed> unkeyed = new HashMap<>();
        List<AuditFinding> findings = new ArrayList<>();
        for (Map.Entry<BindingId, List<Integer>> chain : positions.entrySet()) {
            ChainResult result = verifyChain(chain.getKey(), chain.getValue(), stream);
            verifiedThrough.put(chain.getKey(), result.verifiedThrough);
            if (result.unkeyed != null) {
                unkeyed.put(chain.getKey(), result.unkeyed);
            }
            AuditFinding finding = result.finding != null
                    ? result.finding
                    : checkAnchor(chain.getKey(), chain.getValue(), stream, anchors.get(chain.getKey()))
                            .orElse(null);
            if (finding != null) {
                findings.add(finding);
            }
        }
        findings.sort(Comparator.comparingInt(AuditFinding::position));
        return new AuditReport(stream.size(), verifiedThrough, findings, unkeyed);
    }

    private record ChainResult(long verifiedThrough, AuditFinding finding, AuditReport.Unkeyed unkeyed) {}

    private ChainResult verifyChain(BindingId binding, List<Integer> positions, List<AuditRecord> stream) {
        AuditRecord previous = null;
        AuditReport.Unkeyed unkeyed = null;
        long expected = requireGenesis || positions.isEmpty()
                ? 1
                : stream.get(positions.get(0)).sequence();
        for (int k = 0; k < positions.size(); k++) {
            int position = positions.get(k);
            AuditRecord record = stream.get(position);
            long verified = previous == null ? 0 : previous.sequence();
            Optional<Boolean> matches = AuditHash.matches(record, keys);
            if (matches.isEmpty()) {
                return new ChainResult(
                        verified,
                        new AuditFinding.UnknownKey(binding, position, record.sequence(), record.keyId()),
                        unkeyed);
            }
            if (!matches.get()) {
                return new ChainResult(
                        verified,
                        new AuditFinding.RecordAltered(
                                binding,
                                position,
                                record.sequence(),
                                record.keyed()
                                        ? "its HMAC does not match its content under audit key " + record.keyId()
                                        : "its hash does not match its content"),
                        unkeyed);
            }
            if (previous != null
                    && record.sequence() == previous.sequence()
                    && record.hash().equals(previous.hash())) {
                // an exact repeat (a producer retry): it adds nothing and breaks nothing
                continue;
            }
            if (record.sequence() > expected) {
                long missing = expected;
                boolean comesLater = positions.subList(k + 1, positions.size()).stream()
                        .anyMatch(p -> stream.get(p).sequence() == missing);
                return new ChainResult(
                        verified,
                        comesLater
                                ? new AuditFinding.RecordReordered(binding, position, expected, record.sequence())
                                : new AuditFinding.RecordRemoved(binding, position, expected, record.sequence()),
                        unkeyed);
            }
            if (record.sequence() < expected) {
                return new ChainResult(
                        verified,
                        new AuditFinding.RecordReordered(binding, position, expected, record.sequence()),
                        unkeyed);
            }
            String expectedPrev = previous != null ? previous.hash() : requireGenesis ? AuditRecord.GENESIS_HASH : null;
            if (expectedPrev != null && !expectedPrev.equals(record.prevHash())) {
                return new ChainResult(
                        verified,
                        new AuditFinding.RecordAltered(
                                binding,
                                position,
                                record.sequence(),
                                previous == null
                                        ? "the first record does not chain to genesis"
                                        : "its prevHash does not match the hash of sequence " + previous.sequence()),
                        unkeyed);
            }
            if (!record.keyed()) {
                if (previous != null && previous.keyed()) {
                    // keys never go away once configured: an unkeyed record after a keyed one was recomputed without it
                    return new ChainResult(
                            verified,
                            new AuditFinding.RecordAltered(
                                    binding,
                                    position,
                                    record.sequence(),
                                    "it is unkeyed after keyed records (hashes recomputed without the" + " audit key)"),
                            unkeyed);
                }
                unkeyed = unkeyed == null
                        ? new AuditReport.Unkeyed(record.sequence(), record.sequence(), 1)
                        : unkeyed.plus(record.sequence());
            }
            previous = record;
            expected = record.sequence() + 1;
        }
        return new ChainResult(previous == null ? 0 : previous.sequence(), null, unkeyed);
    }

    private static Optional<AuditFinding> checkAnchor(
            BindingId binding, List<Integer> positions, List<AuditRecord> stream, ChainAnchor anchor) {
        if (anchor == null) {
            return Optional.empty();
        }
        int last = positions.isEmpty() ? -1 : positions.get(positions.size() - 1);
        long lastSequence = last < 0 ? 0 : stream.get(last).sequence();
        if (lastSequence < anchor.sequence()) {
            return Optional.of(new AuditFinding.TailMissing(binding, last, lastSequence, anchor.sequence()));
        }
        for (int position : positions) {
            AuditRecord record = stream.get(position);
            if (record.sequence() == anchor.sequence() && !record.hash().equals(anchor.hash())) {
                return Optional.of(new AuditFinding.RecordAltered(
                        binding,
                        position,
                        record.sequence(),
                        "its hash differs from the chain head published in the binding's status"));
            }
        }
        return Optional.empty();
    }
}
