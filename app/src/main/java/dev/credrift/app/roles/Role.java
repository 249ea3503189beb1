package dev.credrift.app.roles;

import java.util.Locale;

/** A part of credrift that can run alone or alongside the others in one process ({@code --roles}). */
public enum Role {
    /** Informers and vault polling → {@code credrift.observations}. */
    WATCHER,
    /** Observations → assessment, remediation, outcomes, audit. */
    RECONCILER,
    /** Outcomes → Slack and signed webhooks. */
    NOTIFIER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
