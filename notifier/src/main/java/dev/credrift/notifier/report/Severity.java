package dev.credrift.notifier.report;

/** How urgent a report is, for routing ({@code minSeverity}). */
public enum Severity {
    /** Something good happened: healed, back in sync. */
    INFO,
    /** Something needs a look but credrift is on it, or was told only to observe. */
    WARNING,
    /** A human must act: halted, alert-only drift, a failure credrift will not retry. */
    CRITICAL;

    /** Whether this is at least as urgent as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
