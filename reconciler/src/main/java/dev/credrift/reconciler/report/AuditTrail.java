package dev.credrift.reconciler.report;

import dev.credrift.events.BindingId;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.audit.AuditChain;
import dev.credrift.events.audit.AuditEntry;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.reconciler.kafka.RecordSink;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit stream: every decision and action, chained per binding by hash. Heads are resumed at start from the
 * journal and the audit topic's tail, so a restart continues each chain instead of forking it.
 */
public final class AuditTrail {

    /** What the reconciler calls itself in audit records. */
    public static final String ACTOR = "credrift-reconciler";

    private final AuditChain chain;
    private final RecordSink sink;
    private final String topic;
    private final EventFactory events;
    private final EventCodec codec = new EventCodec();

    public AuditTrail(AuditChain chain, RecordSink sink, Topics topics, EventFactory events) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.topic = topics.name(Topic.AUDIT);
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Continues a chain from a record read back (ignored if an older one than the head already known). */
    public void resume(AuditRecord last) {
        chain.resume(last);
    }

    public Optional<AuditRecord> head(BindingId id) {
        return chain.head(id);
    }

    /**
     * Appends and publishes one record.
     *
     * @param action UPPER_SNAKE, e.g. {@code VAULT_WRITTEN}
     * @param actor  who acted: {@link #ACTOR}, or a human (e.g. "human via annotation credrift.dev/clear-halt")
     */
    public Future<AuditRecord> record(
            BindingId id,
            String actor,
            String action,
            String reason,
            String correlationId,
            Fingerprint before,
            Fingerprint after) {
        AuditRecord record =
                chain.append(new AuditEntry(id, actor, action, clip(reason), correlationId, before, after));
        return sink.send(topic, codec.encode(events.create(record, correlationId)))
                .map(record);
    }

    private static String clip(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "\u2026";
    }
}
