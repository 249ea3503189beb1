package dev.credrift.notifier.report;

/** What a hop held when the drift was detected, as the chain line shows it. */
public enum HopState {
    /** The authority's credential, and the store accepts it. */
    OK("\u2713"),
    /** Something else, or a credential the store refuses. */
    STALE("\u2717"),
    /** Not known: the hop could not be read, or there is nothing to compare with. */
    UNKNOWN("?");

    private final String mark;

    HopState(String mark) {
        this.mark = mark;
    }

    /** ✓, ✗ or ?. */
    public String mark() {
        return mark;
    }
}
