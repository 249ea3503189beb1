package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.watcher.Watcher;
import dev.credrift.watcher.WatcherConfig;
import dev.credrift.watcher.vault.VaultPolling;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the watcher: Kubernetes informers → observations. */
final class WatcherRole {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherRole.class);

    private WatcherRole() {}

    static WatcherConfig config(Fingerprinter fingerprinter, RoleContext context) {
        CredriftConfig.WatcherTuning tuning = context.config().watcher();
        WatcherConfig config = WatcherConfig.defaults(fingerprinter).withTopics(context.topics());
        if (tuning.resyncPeriod().isPresent()) {
            config = config.withResyncPeriod(tuning.resyncPeriod().get());
        }
        if (tuning.coalesceWindow().isPresent()) {
            config = config.withCoalesceWindow(tuning.coalesceWindow().get());
        }
        WatcherConfig.Election election = tuning.leaderElection().orElse(true)
                ? WatcherConfig.Election.defaults()
                : WatcherConfig.Election.disabled();
        if (tuning.leaseNamespace().isPresent()) {
            election = election.withLease(tuning.leaseNamespace().get(), election.leaseName());
        }
        config = config.withSecretNamespaces(new LinkedHashSet<>(tuning.secretNamespaces()));
        Optional<CredriftConfig.OnePassword> connect = context.config().onePassword();
        if (connect.isPresent() && tuning.vault().enabled().orElse(true)) {
            // the same Connect server, token and CA the reconciler uses: configured once
            VaultPolling polling =
                    VaultPolling.of(connect.get().url(), connect.get().tokenFile());
            if (connect.get().caFile().isPresent()) {
                polling = polling.withCaFile(connect.get().caFile().get());
            }
            if (connect.get().requestTimeout().isPresent()) {
                polling = polling.withRequestTimeout(
                        connect.get().requestTimeout().get());
            }
            if (tuning.vault().pollInterval().isPresent()) {
                polling = polling.withPollInterval(tuning.vault().pollInterval().get());
            }
            if (tuning.vault().maxRequestsPerMinute().isPresent()) {
                polling =
                        polling.withBudget(tuning.vault().maxRequestsPerMinute().get(), Duration.ofMinutes(1));
            }
            config = config.withVaultPolling(polling);
        }
        return context.overrides().watcher().apply(config.withElection(election));
    }

    /** @param fingerprinter the set's one fingerprinter (see {@code RoleSet}) */
    static Future<StartedRole> start(RoleContext context, Fingerprinter fingerprinter) {
        WatcherConfig config = config(fingerprinter, context);
        return Watcher.start(
                        config,
                        context.kubernetes().get(),
                        context.vertx(),
                        context.clientProperties(),
                        context.registry())
                .map(watcher -> {
                    LOG.info(
                            "watcher started: caches synced, leader election {}",
                            config.election().enabled() ? "on" : "off");
                    return new StartedRole() {
                        @Override
                        public Role role() {
                            return Role.WATCHER;
                        }

                        @Override
                        public Future<Void> stop() {
                            return watcher.stop();
                        }
                    };
                });
    }
}
