package dev.credrift.notifier.kafka;

/**
 * One record being handled. Released exactly once, when its notifications are delivered or
 * dead-lettered (or when there is nothing to notify); releasing again does nothing. A ticket of a
 * partition this consumer lost still releases, into a book no one commits any more.
 */
public final class Ticket {

    private final PartitionOffsets partition;
    private final long offset;
    private boolean released;

    Ticket(PartitionOffsets partition, long offset) {
        this.partition = partition;
        this.offset = offset;
    }

    /** The record's offset. */
    public long offset() {
        return offset;
    }

    /** Releases the record; returns whether this call did it. */
    public boolean release() {
        if (released) {
            return false;
        }
        released = true;
        partition.release(offset);
        return true;
    }

    @Override
    public String toString() {
        return "Ticket[" + partition.topic() + "-" + partition.partition() + "@" + offset
                + (released ? ", released" : "") + "]";
    }
}
