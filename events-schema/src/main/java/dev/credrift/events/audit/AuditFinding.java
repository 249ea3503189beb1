package dev.credrift.events.audit;

import dev.credrift.events.BindingId;

/** The first problem {@link AuditVerifier} found in one binding's chain. */
public sealed interface AuditFinding {

    /** The binding whose chain is broken. */
    BindingId bindingId();

    /** Index, in the verified stream, of the record where the chain breaks (from 0). */
    int position();

    /** A record is missing: sequence {@code expected} never appears, {@code found} came in its place. */
    record RecordRemoved(BindingId bindingId, int position, long expectedSequence, long foundSequence)
            implements AuditFinding {
    }

    /** A record is out of order: {@code found} came where {@code expected} belonged. */
    record RecordReordered(BindingId bindingId, int position, long expectedSequence, long foundSequence)
            implements AuditFinding {
    }

    /** A record's content or its link to the previous record does not match its hash. */
    record RecordAltered(BindingId bindingId, int position, long sequence, String what) implements AuditFinding {
    }
}
