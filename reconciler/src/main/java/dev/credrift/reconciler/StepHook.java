package dev.credrift.reconciler;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.journal.JournalEntry;
import io.vertx.core.Future;

/**
 * A seam at step boundaries, for tests that inject a crash: the remediation waits for the returned future, so a
 * future that never completes freezes it exactly there (then the test stops the reconciler and starts another).
 */
@FunctionalInterface
public interface StepHook {

    /** Where in a step the hook is called. */
    enum Point {
        /** The step acted (patched, wrote) but neither its outcome nor its completion is recorded yet. */
        AFTER_ACTION,
        /** The step's outcome is published and its completion journaled. */
        AFTER_JOURNAL
    }

    /** No hook: every boundary passes at once. */
    StepHook NONE = (point, binding, index, kind) -> Future.succeededFuture();

    Future<Void> at(Point point, BindingId binding, int stepIndex, StepKind kind);

    /**
     * After a journal entry was acknowledged, before its handling goes on: a rotation journals each step's start
     * and completion there, so a future that never completes freezes it right after a step (rotation crash tests).
     */
    default Future<Void> afterJournal(JournalEntry entry) {
        return Future.succeededFuture();
    }
}
