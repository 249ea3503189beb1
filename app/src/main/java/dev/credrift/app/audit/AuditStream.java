package dev.credrift.app.audit;

import dev.credrift.events.payload.AuditRecord;
import java.util.List;

/**
 * What was read from one audit source: a topic between its beginning and the end offsets taken at the start of the
 * read, or one world's records of an exported {@code audit.jsonl}.
 *
 * @param source      what was read, for the summary's header, e.g. {@code audit topic credrift.audit at kafka:9092}
 * @param partitions  how many partitions the topic has; 0 for a file
 * @param records     the audit records, in stream order (a binding's chain lives in one partition)
 * @param positions   where each record of {@code records} came from, index for index
 * @param undecodable records that are not audit records credrift can read; on an append-only audit trail each one is
 *                    itself a finding
 */
public record AuditStream(
        String source,
        int partitions,
        List<AuditRecord> records,
        List<Position> positions,
        List<Undecodable> undecodable) {

    public AuditStream {
        records = List.copyOf(records);
        positions = List.copyOf(positions);
        undecodable = List.copyOf(undecodable);
        if (records.size() != positions.size()) {
            throw new IllegalArgumentException("one position per record is needed");
        }
    }

    /** Where a record was read: so that an auditor can look at it with any Kafka tool or editor. */
    public sealed interface Position {}

    /** A record's place in Kafka. */
    public record Offset(int partition, long offset) implements Position {
        @Override
        public String toString() {
            return "partition " + partition + ", offset " + offset;
        }
    }

    /** A line of an exported file, from 1. */
    public record Line(long number) implements Position {
        @Override
        public String toString() {
            return "line " + number;
        }
    }

    /** A record that did not decode as an audit record, and why (the reason never quotes the record). */
    public record Undecodable(Position position, String key, String reason) {}
}
