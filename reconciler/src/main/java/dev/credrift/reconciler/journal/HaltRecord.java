package dev.credrift.reconciler.journal;

import dev.credrift.events.payload.RemediationHalted;
import java.time.Instant;

/**
 * A halt: no automatic action on the binding until its spec generation moves past {@code generation} or a human
 * annotates it {@code credrift.dev/clear-halt}.
 */
public record HaltRecord(
        Instant since, RemediationHalted.Reason reason, String message, String remediationId, long generation) {}
