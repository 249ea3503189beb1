package dev.credrift.api.access;

/** Which credrift role makes a call; the chart's split-roles mode gives each its own ServiceAccount and rules. */
public enum Caller {
    WATCHER("watcher"),
    RECONCILER("reconciler");

    private final String label;

    Caller(String label) {
        this.label = label;
    }

    /** The name the chart uses for the role ({@code watcher}, {@code reconciler}). */
    public String label() {
        return label;
    }
}
