package dev.credrift.reconciler.step;

import dev.credrift.events.BindingId;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.logging.Reconciliation;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A remediation's view of its binding's journal: read the entry, change it and wait until it is durable. */
public interface RemediationSession {

    JournalEntry entry();

    /** The handling this session belongs to, as its log lines name it; with the open remediation, if any. */
    Reconciliation log();

    default OpenRemediation remediation() {
        return entry().openRemediation().orElseThrow(() -> new IllegalStateException("no open remediation"));
    }

    /**
     * The journal entries of the other bindings this reconciler knows, as journaled so far: a workload several
     * bindings' replicas are read by is rolled by one of them at a time (see {@link SharedRollout}).
     */
    default Map<BindingId, JournalEntry> others() {
        return Map.of();
    }

    /** Applies {@code change} in memory only; the next {@link #update} journals it along. */
    void stage(UnaryOperator<JournalEntry> change);

    /** Applies {@code change} to the entry and journals it; completes when acknowledged. */
    Future<Void> update(UnaryOperator<JournalEntry> change);

    default Future<Void> updateRemediation(UnaryOperator<OpenRemediation> change) {
        return update(entry -> entry.withRemediation(change.apply(remediation())));
    }
}
