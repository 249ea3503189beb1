package dev.credrift.notifier.kafka;

import java.util.Objects;
import java.util.TreeSet;

/**
 * The records of one partition being handled: the offset that may be committed is the lowest one
 * still unreleased, or one past the highest seen when all are released. Not thread-safe.
 */
public final class PartitionOffsets {

    private final String topic;
    private final int partition;
    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    /** An empty book for one partition. */
    public PartitionOffsets(String topic, int partition) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
    }

    /** The topic. */
    public String topic() {
        return topic;
    }

    /** The partition. */
    public int partition() {
        return partition;
    }

    /** Starts tracking a record; its ticket must be released once it is fully handled. */
    public Ticket track(long offset) {
        pending.add(offset);
        next = Math.max(next, offset + 1);
        return new Ticket(this, offset);
    }

    void release(long offset) {
        pending.remove(offset);
    }

    /** The offset to commit (the next record to read after a restart), or -1 before the first record. */
    public long committable() {
        return pending.isEmpty() ? next : pending.first();
    }

    /** Whether {@link #committable()} moved past what was last committed. */
    public boolean needsCommit() {
        return committable() > committed;
    }

    /** Records that {@code offset} was committed. */
    public void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** Records tracked and not yet released. */
    public int pendingCount() {
        return pending.size();
    }
}
