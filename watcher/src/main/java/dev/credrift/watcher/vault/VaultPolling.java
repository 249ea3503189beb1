package dev.credrift.watcher.vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Polling 1Password Connect for the version of every item a binding names (architecture.md §3: the vault cannot be
 * watched). The connection settings are the same the reconciler's Connect client takes.
 *
 * @param connectUrl           the Connect server root, e.g. {@code https://onepassword-connect:8443}
 * @param tokenFile            file holding the bearer token, read again when it changes
 * @param caFile               PEM certificates to trust for an https server instead of the JDK's roots
 * @param requestTimeout       time limit of one request
 * @param pollInterval         how often every named item's version is checked
 * @param maxRequests          requests at most within {@code per}, across all vaults (a sliding window)
 * @param per                  the window of {@code maxRequests}, one minute in configuration files
 */
public record VaultPolling(
        URI connectUrl,
        Path tokenFile,
        Optional<Path> caFile,
        Duration requestTimeout,
        Duration pollInterval,
        int maxRequests,
        Duration per) {

    /** Every 30 s. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    /**
     * 120 a minute: at ~100 bindings over a few vaults a steady poll costs a handful of requests (one vault lookup
     * and one item list per vault, a GET per changed item), and a cold start reading 100 items takes about a
     * minute without crowding out the reconciler's writes.
     */
    public static final int DEFAULT_MAX_REQUESTS_PER_MINUTE = 120;

    public VaultPolling {
        Objects.requireNonNull(connectUrl, "connectUrl");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(per, "per");
        String scheme = connectUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || connectUrl.getHost() == null) {
            throw new IllegalArgumentException("vaultPolling.connectUrl must be an http(s) URL with a host");
        }
        if (caFile.isPresent() && !"https".equals(scheme)) {
            throw new IllegalArgumentException("vaultPolling.caFile is set but connectUrl is not https");
        }
        if (requestTimeout.toMillis() < 1 || pollInterval.toMillis() < 1 || per.toMillis() < 1) {
            throw new IllegalArgumentException("vaultPolling durations must be positive");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("vaultPolling.maxRequests must be positive");
        }
    }

    /** Every 30 s, at most 120 requests a minute, 15 s per request, the JDK's trust roots. */
    public static VaultPolling of(URI connectUrl, Path tokenFile) {
        return new VaultPolling(
                connectUrl,
                tokenFile,
                Optional.empty(),
                Duration.ofSeconds(15),
                DEFAULT_POLL_INTERVAL,
                DEFAULT_MAX_REQUESTS_PER_MINUTE,
                Duration.ofMinutes(1));
    }

    public VaultPolling withCaFile(Path ca) {
        return new VaultPolling(connectUrl, tokenFile, Optional.of(ca), requestTimeout, pollInterval, maxRequests, per);
    }

    public VaultPolling withRequestTimeout(Duration timeout) {
        return new VaultPolling(connectUrl, tokenFile, caFile, timeout, pollInterval, maxRequests, per);
    }

    public VaultPolling withPollInterval(Duration interval) {
        return new VaultPolling(connectUrl, tokenFile, caFile, requestTimeout, interval, maxRequests, per);
    }

    public VaultPolling withBudget(int requests, Duration window) {
        return new VaultPolling(connectUrl, tokenFile, caFile, requestTimeout, pollInterval, requests, window);
    }
}
