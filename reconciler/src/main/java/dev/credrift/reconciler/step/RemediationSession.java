package dev.credrift.reconciler.step;

import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.logging.Reconciliation;
import io.vertx.core.Future;
import java.util.function.UnaryOperator;

/** A remediation's view of its binding's journal: read the entry, change it and wait until it is durable. */
public interface RemediationSession {

    JournalEntry entry();

    /** The handling this session belongs to, as its log lines name it; with the open remediation, if any. */
    Reconciliation log();

    default OpenRemediation remediation() {
        return entry().openRemediation().orElseThrow(() -> new IllegalStateException("no open remediation"));
    }

    /** Applies {@code change} in memory only; the next {@link #update} journals it along. */
    void stage(UnaryOperator<JournalEntry> change);

    /** Applies {@code change} to the entry and journals it; completes when acknowledged. */
    Future<Void> update(UnaryOperator<JournalEntry> change);

    default Future<Void> updateRemediation(UnaryOperator<OpenRemediation> change) {
        return update(entry -> entry.withRemediation(change.apply(remediation())));
    }
}
