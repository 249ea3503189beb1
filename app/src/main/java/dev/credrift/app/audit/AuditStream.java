package dev.credrift.app.audit;

import java.util.List;

import dev.credrift.events.payload.AuditRecord;

/**
 * What was on the audit topic between its beginning and the end offsets taken at the start of the read.
 *
 * @param records     the audit records, partition by partition in offset order (a binding's chain lives in one
 *                    partition, so each chain is in stream order)
 * @param positions   where each record of {@code records} came from, index for index
 * @param undecodable records that are not audit records credrift can read; on an append-only audit topic each one is
 *                    itself a finding
 */
public record AuditStream(String topic, int partitions, List<AuditRecord> records, List<Position> positions,
                          List<Undecodable> undecodable) {

    public AuditStream {
        records = List.copyOf(records);
        positions = List.copyOf(positions);
        undecodable = List.copyOf(undecodable);
        if (records.size() != positions.size()) {
            throw new IllegalArgumentException("one position per record is needed");
        }
    }

    /** A record's place in Kafka. */
    public record Position(int partition, long offset) {
        @Override
        public String toString() {
            return "partition " + partition + ", offset " + offset;
        }
    }

    /** A record that did not decode as an audit record, and why (the reason never quotes the record). */
    public record Undecodable(Position position, String key, String reason) {
    }
}
