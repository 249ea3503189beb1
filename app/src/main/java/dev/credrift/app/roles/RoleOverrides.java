package dev.credrift.app.roles;

import dev.credrift.notifier.NotifierConfig;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.watcher.WatcherConfig;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Last-word adjustments to each role's settings after the configuration file was applied. {@code credrift run}
 * uses {@link #NONE}; {@code credrift sandbox} uses them for timings that only make sense in a world that runs for
 * seconds (short polls, no leader election).
 */
public record RoleOverrides(
        UnaryOperator<WatcherConfig> watcher,
        UnaryOperator<ReconcilerConfig> reconciler,
        UnaryOperator<NotifierConfig> notifier) {

    public static final RoleOverrides NONE =
            new RoleOverrides(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());

    public RoleOverrides {
        Objects.requireNonNull(watcher, "watcher");
        Objects.requireNonNull(reconciler, "reconciler");
        Objects.requireNonNull(notifier, "notifier");
    }
}
