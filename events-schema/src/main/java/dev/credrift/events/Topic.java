package dev.credrift.events;

/** The five Kafka topics of architecture.md §3, by role; {@link Topics} maps them to actual names. */
public enum Topic {
    /** What the watcher saw: fingerprints, ESO status, pod readiness, resyncs. Retention: hours. */
    OBSERVATIONS("observations", false),
    /** Drift detected, remediation planned … halted, back in sync, notifications. Retention: days. */
    OUTCOMES("outcomes", false),
    /** Hash-chained audit records, per binding. Retention: long (compliance). */
    AUDIT("audit", false),
    /** Per-binding journal: open remediation, completed steps, halt flag, rollout budget. */
    STATE("state", true),
    /** Records that could not be decoded or handled, with the reason. Retention: long. */
    DEADLETTER("deadletter", false);

    private final String suffix;
    private final boolean compacted;

    Topic(String suffix, boolean compacted) {
        this.suffix = suffix;
        this.compacted = compacted;
    }

    /** The part after the prefix: {@code credrift.<suffix>} by default. */
    public String suffix() {
        return suffix;
    }

    /** Whether the topic must be created with {@code cleanup.policy=compact} (only {@link #STATE}). */
    public boolean compacted() {
        return compacted;
    }
}
