package dev.credrift.notifier.kafka;

import java.util.HashMap;
import java.util.Map;

/** The {@link PartitionOffsets} of every partition this consumer reads now. Not thread-safe. */
public final class OffsetBook {

    /** A topic partition. */
    public record Partition(String topic, int partition) {}

    private final Map<Partition, PartitionOffsets> partitions = new HashMap<>();

    /** Starts tracking a record. */
    public Ticket track(String topic, int partition, long offset) {
        return partitions
                .computeIfAbsent(new Partition(topic, partition), p -> new PartitionOffsets(topic, partition))
                .track(offset);
    }

    /** The offsets to commit now: for each partition whose committable offset moved. */
    public Map<Partition, Long> toCommit() {
        Map<Partition, Long> offsets = new HashMap<>();
        partitions.forEach((partition, book) -> {
            if (book.committable() >= 0 && book.needsCommit()) {
                offsets.put(partition, book.committable());
            }
        });
        return offsets;
    }

    /** Records a successful commit. */
    public void committed(Map<Partition, Long> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionOffsets book = partitions.get(partition);
            if (book != null) {
                book.committed(offset);
            }
        });
    }

    /** Forgets a partition this consumer lost; its outstanding tickets release into nothing. */
    public void forget(Partition partition) {
        partitions.remove(partition);
    }

    /** Records tracked and unreleased, over all partitions. */
    public int pendingCount() {
        return partitions.values().stream()
                .mapToInt(PartitionOffsets::pendingCount)
                .sum();
    }
}
