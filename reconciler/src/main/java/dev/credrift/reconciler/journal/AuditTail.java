package dev.credrift.reconciler.journal;

import dev.credrift.events.BindingId;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.kafka.KafkaRecords;
import dev.credrift.reconciler.kafka.TopicReader;
import java.util.HashMap;
import java.util.Map;

/**
 * The newest audit record of each binding among the last records of the audit topic. A crash between publishing
 * audit records and journaling the new chain head leaves the journal one handling behind; those records are at the
 * very end of their partition, so the tail finds them and the chain continues from them instead of forking.
 * Blocking.
 */
public final class AuditTail {

    private final TopicReader reader;
    private final EventCodec codec = new EventCodec();

    public AuditTail(TopicReader reader) {
        this.reader = reader;
    }

    public Map<BindingId, AuditRecord> heads(String topic, long perPartition) {
        Map<BindingId, AuditRecord> heads = new HashMap<>();
        if (perPartition == 0) {
            return heads;
        }
        reader.readTail(topic, perPartition, record -> {
            if (codec.decode(KafkaRecords.from(record)) instanceof Decoded decoded
                    && decoded.event().payload() instanceof AuditRecord audit) {
                heads.merge(audit.bindingId(), audit, (a, b) -> b.sequence() >= a.sequence() ? b : a);
            }
        });
        return heads;
    }
}
