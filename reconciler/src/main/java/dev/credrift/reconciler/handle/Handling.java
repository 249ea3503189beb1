package dev.credrift.reconciler.handle;

import dev.credrift.events.BindingId;
import dev.credrift.reconciler.journal.Journal;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.rotate.RotationView;
import dev.credrift.reconciler.step.RemediationSession;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** One handling's view of its binding's journal entry: staged changes are written with the next update or flush. */
final class Handling implements RemediationSession {

    private final Journal journal;
    private final String correlationId = UUID.randomUUID().toString();
    private final Reconciliation log;
    private JournalEntry entry;
    private JournalEntry persisted;
    private Optional<RotationView> rotationView = Optional.empty();

    Handling(Journal journal, Reconciliation log) {
        this.journal = journal;
        this.log = log;
        BindingId id = log.binding();
        this.entry = journal.get(id);
        this.persisted = entry;
    }

    /** Ties this handling's audit records and outcomes together when no remediation does. */
    String correlationId() {
        return correlationId;
    }

    @Override
    public Reconciliation log() {
        return log.withRemediation(
                entry.openRemediation().map(OpenRemediation::id).orElse(null));
    }

    @Override
    public JournalEntry entry() {
        return entry;
    }

    @Override
    public Map<BindingId, JournalEntry> others() {
        Map<BindingId, JournalEntry> others = new HashMap<>();
        for (BindingId other : journal.bindings()) {
            if (!other.equals(log.binding())) {
                others.put(other, journal.get(other));
            }
        }
        return others;
    }

    @Override
    public void stage(UnaryOperator<JournalEntry> change) {
        entry = change.apply(entry);
    }

    @Override
    public Future<Void> update(UnaryOperator<JournalEntry> change) {
        entry = change.apply(entry);
        persisted = entry;
        return journal.put(entry);
    }

    /** What this handling decided about the binding's rotation, for every status it writes. */
    Optional<RotationView> rotationView() {
        return rotationView;
    }

    void rotationView(RotationView view) {
        rotationView = Optional.of(view);
    }

    /** Writes staged changes, if any. */
    Future<Void> flush() {
        return entry.equals(persisted) ? Future.succeededFuture() : update(UnaryOperator.identity());
    }
}
