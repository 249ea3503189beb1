package dev.credrift.reconciler.journal;

import dev.credrift.events.BindingId;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.reconciler.kafka.RecordSink;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The journal in memory, written through to the state topic. Used from the reconciler's event loop only (a
 * binding is handled by one handling at a time), so it needs no locks.
 */
public final class Journal {

    /** Header naming the record format. */
    public static final String FORMAT_HEADER = "credrift-journal-version";

    private final RecordSink sink;
    private final String topic;
    private final JournalJson json = new JournalJson();
    private final Map<BindingId, JournalEntry> entries = new HashMap<>();
    private final Function<JournalEntry, Future<Void>> acknowledged;

    public Journal(RecordSink sink, String topic) {
        this(sink, topic, entry -> Future.succeededFuture());
    }

    /** @param acknowledged what runs after each entry was acknowledged (a test seam; the put waits for it) */
    public Journal(RecordSink sink, String topic, Function<JournalEntry, Future<Void>> acknowledged) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.acknowledged = Objects.requireNonNull(acknowledged, "acknowledged");
    }

    /** Replaces what is in memory with what was read back from the topic. */
    public void load(Map<BindingId, JournalEntry> loaded) {
        entries.clear();
        entries.putAll(loaded);
    }

    /**
     * Takes what was read back from the topic for every binding not {@code busy} here: after a rebalance another
     * reconciler may have written journal records this one has not seen. Busy bindings keep ours (we are writing).
     */
    public void refresh(Map<BindingId, JournalEntry> loaded, Predicate<BindingId> busy) {
        loaded.forEach((id, entry) -> {
            if (!busy.test(id)) {
                entries.put(id, entry);
            }
        });
    }

    public JournalEntry get(BindingId id) {
        return entries.getOrDefault(id, JournalEntry.empty(id));
    }

    public Set<BindingId> bindings() {
        return Set.copyOf(entries.keySet());
    }

    /** Keeps the entry and writes it; completes when the broker acknowledged it. */
    public Future<Void> put(JournalEntry entry) {
        entries.put(entry.bindingId(), entry);
        KafkaRecord record = new KafkaRecord(
                entry.bindingId().toString(),
                Map.of(
                        "content-type",
                        "application/json".getBytes(StandardCharsets.UTF_8),
                        FORMAT_HEADER,
                        String.valueOf(JournalEntry.VERSION).getBytes(StandardCharsets.UTF_8)),
                json.write(entry));
        return sink.send(topic, record).compose(v -> acknowledged.apply(entry));
    }
}
