package dev.credrift.reconciler.handle;

import dev.credrift.reconciler.resilience.RetryPolicy;
import java.time.Duration;

/**
 * @param retry          when failed remediations are tried again, and when repeated failure halts
 * @param startingRecheck how soon to look again at a binding whose consumers are starting
 */
public record HandlerSettings(RetryPolicy retry, Duration startingRecheck) {
}
