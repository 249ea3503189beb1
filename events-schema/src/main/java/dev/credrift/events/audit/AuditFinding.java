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
            implements AuditFinding {}

    /** A record is out of order: {@code found} came where {@code expected} belonged. */
    record RecordReordered(BindingId bindingId, int position, long expectedSequence, long foundSequence)
            implements AuditFinding {}

    /** A record's content or its link to the previous record does not match its hash. */
    record RecordAltered(BindingId bindingId, int position, long sequence, String what) implements AuditFinding {}

    /** A record names an audit key that was not given to the verifier, so its hash cannot be checked. */
    record UnknownKey(BindingId bindingId, int position, long sequence, String keyId) implements AuditFinding {}

    /**
     * The chain ends before the head published outside the topic: records {@code lastSequence + 1} to
     * {@code anchorSequence} were removed from its end. {@code position} is the chain's last record (-1: none).
     */
    record TailMissing(BindingId bindingId, int position, long lastSequence, long anchorSequence)
            implements AuditFinding {}
}
