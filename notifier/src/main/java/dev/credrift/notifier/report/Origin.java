package dev.credrift.notifier.report;

/** Where a record was read: the dead letter of a failed notification points back here. */
public record Origin(String topic, int partition, long offset) {

    /** Requires a topic and non-negative numbers. */
    public Origin {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic is required");
        }
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative");
        }
    }
}
