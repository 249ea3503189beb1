package dev.credrift.reconciler.journal;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.reconciler.kafka.TopicReader;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the state topic to its end: the latest journal record of every binding. Blocking. */
public final class JournalLoader {

    private static final Logger LOG = LoggerFactory.getLogger(JournalLoader.class);

    private final TopicReader reader;
    private final JournalJson json = new JournalJson();

    public JournalLoader(TopicReader reader) {
        this.reader = reader;
    }

    public Map<BindingId, JournalEntry> load(String topic) {
        Map<BindingId, JournalEntry> latest = new HashMap<>();
        int[] unreadable = {0};
        reader.readAll(topic, record -> {
            BindingId id;
            try {
                id = BindingId.parse(record.key());
            } catch (ContractViolation e) {
                unreadable[0]++;
                return;
            }
            if (record.value() == null) {
                latest.remove(id); // a tombstone: the binding's journal was deleted
                return;
            }
            json.read(record.value())
                    .filter(entry -> entry.bindingId().equals(id))
                    .ifPresentOrElse(entry -> latest.put(id, entry), () -> unreadable[0]++);
        });
        LOG.info(
                "Journal: read {} binding(s) from {}{}",
                latest.size(),
                topic,
                unreadable[0] == 0 ? "" : " (" + unreadable[0] + " unreadable record(s) skipped)");
        return latest;
    }
}
