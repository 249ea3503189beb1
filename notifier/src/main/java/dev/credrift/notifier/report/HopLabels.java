package dev.credrift.notifier.report;

import dev.credrift.notifier.config.InvalidNotifierConfig;

/**
 * The names shown for each hop in the one-line chain ({@code Rook ✓ → 1Password ✗ → ESO ✗ → loki ✗}).
 * Outcome events do not say which kind of source a binding has, so the source label is configured;
 * consumers are named after the workloads in the plan when there is one, else {@code consumers}.
 */
public record HopLabels(String source, String vault, String replica, String consumers) {

    /** The first field story (docs/architecture.md §1): a Rook object user, 1Password, External Secrets. */
    public static final HopLabels DEFAULT = new HopLabels("Rook", "1Password", "ESO", "consumers");

    /** Each label is 1 to 40 characters. */
    public HopLabels {
        check(source, "source");
        check(vault, "vault");
        check(replica, "replica");
        check(consumers, "consumers");
    }

    private static void check(String label, String field) {
        if (label == null || label.isBlank() || label.length() > 40) {
            throw new InvalidNotifierConfig("hopLabels", field, "must be 1 to 40 characters");
        }
    }
}
