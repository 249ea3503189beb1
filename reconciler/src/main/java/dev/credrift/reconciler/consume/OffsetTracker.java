package dev.credrift.reconciler.consume;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which offsets may be committed. Records of one partition finish out of order (different bindings run
 * concurrently), so a partition's commit point is its lowest unfinished offset, or one past the highest seen when
 * none is unfinished. Not thread-safe: used from the consumer's context only.
 */
public final class OffsetTracker {

    /** A topic partition by name and number. */
    public record Partition(String topic, int partition) {}

    private static final class Offsets {
        final TreeSet<Long> pending = new TreeSet<>();
        long highestSeen = -1;
        long committed = -1;
    }

    private final Map<Partition, Offsets> partitions = new HashMap<>();

    public void received(Partition partition, long offset) {
        Offsets offsets = partitions.computeIfAbsent(partition, p -> new Offsets());
        offsets.pending.add(offset);
        offsets.highestSeen = Math.max(offsets.highestSeen, offset);
    }

    public void done(Partition partition, long offset) {
        Offsets offsets = partitions.get(partition);
        if (offsets != null) {
            offsets.pending.remove(offset);
        }
    }

    /** Per partition, the offset to commit (the next record to read), where it moved since the last commit. */
    public Map<Partition, Long> committable() {
        Map<Partition, Long> result = new HashMap<>();
        partitions.forEach((partition, offsets) -> {
            long next = offsets.pending.isEmpty() ? offsets.highestSeen + 1 : offsets.pending.first();
            if (next > offsets.committed && next > 0) {
                result.put(partition, next);
            }
        });
        return result;
    }

    public void committed(Map<Partition, Long> offsets) {
        offsets.forEach((partition, next) -> {
            Offsets known = partitions.get(partition);
            if (known != null) {
                known.committed = Math.max(known.committed, next);
            }
        });
    }

    /** Forgets partitions this consumer no longer owns; their late completions are ignored. */
    public void revoke(Set<Partition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** Records received and not yet durable. */
    public int inFlight() {
        return partitions.values().stream().mapToInt(o -> o.pending.size()).sum();
    }
}
