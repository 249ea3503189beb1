package dev.credrift.watcher;

import dev.credrift.events.Topics;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.watcher.vault.VaultPolling;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How the watcher runs. Start from {@link #defaults(Fingerprinter)} and change what differs with the {@code with…}
 * methods.
 *
 * @param fingerprinter  computes fingerprints with the deployment's fingerprint key (its {@code toString} hides it)
 * @param topics         topic names; observations go to {@code topics.name(OBSERVATIONS)}
 * @param coalesceWindow least time between two observations of one binding; bursts inside it are coalesced
 * @param resyncPeriod   how often every binding is published again in full (also done once caches first sync)
 * @param election       leader election among replicas
 * @param publishing     the publishing queue and its retries
 * @param writeStatus    whether the leader keeps each binding's {@code Valid} condition up to date
 * @param eventSource    the CloudEvents {@code source} of observations
 * @param clock          where event and condition times come from
 * @param secretNamespaces empty: Rook and ESO Secrets are watched in all namespaces (needs a ClusterRole); else one
 *                       label-selected informer per listed namespace (a namespaced Role each suffices), and a
 *                       binding naming a Secret elsewhere gets a {@code FORBIDDEN} problem saying it is not watched
 * @param vaultPolling   polling 1Password Connect for item versions ({@code VaultItemObserved}); empty: off
 */
public record WatcherConfig(
        Fingerprinter fingerprinter,
        Topics topics,
        Duration coalesceWindow,
        Duration resyncPeriod,
        Election election,
        Publishing publishing,
        boolean writeStatus,
        URI eventSource,
        Clock clock,
        Set<String> secretNamespaces,
        Optional<VaultPolling> vaultPolling) {

    public static final Duration DEFAULT_COALESCE_WINDOW = Duration.ofMillis(250);
    public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofMinutes(10);
    public static final URI DEFAULT_EVENT_SOURCE = URI.create("urn:credrift:watcher");

    public WatcherConfig {
        Objects.requireNonNull(fingerprinter, "fingerprinter");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(publishing, "publishing");
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(vaultPolling, "vaultPolling");
        secretNamespaces = namespaces(secretNamespaces);
        if (coalesceWindow == null || coalesceWindow.isNegative()) {
            throw new IllegalArgumentException("coalesceWindow must be zero or positive");
        }
        if (resyncPeriod == null || resyncPeriod.toMillis() < 1) {
            throw new IllegalArgumentException("resyncPeriod must be positive");
        }
    }

    /** Defaults: 250 ms coalescing, resync every 10 min, leader election on, Valid condition written. */
    public static WatcherConfig defaults(Fingerprinter fingerprinter) {
        return new WatcherConfig(
                fingerprinter,
                Topics.defaults(),
                DEFAULT_COALESCE_WINDOW,
                DEFAULT_RESYNC_PERIOD,
                Election.defaults(),
                Publishing.defaults(),
                true,
                DEFAULT_EVENT_SOURCE,
                Clock.systemUTC(),
                Set.of(),
                Optional.empty());
    }

    /** Whether Secrets are watched only in {@link #secretNamespaces()}. */
    public boolean secretNamespacesRestricted() {
        return !secretNamespaces.isEmpty();
    }

    public WatcherConfig withTopics(Topics newTopics) {
        return copy(c -> c.topics = newTopics);
    }

    public WatcherConfig withCoalesceWindow(Duration window) {
        return copy(c -> c.coalesceWindow = window);
    }

    public WatcherConfig withResyncPeriod(Duration period) {
        return copy(c -> c.resyncPeriod = period);
    }

    public WatcherConfig withElection(Election newElection) {
        return copy(c -> c.election = newElection);
    }

    public WatcherConfig withPublishing(Publishing newPublishing) {
        return copy(c -> c.publishing = newPublishing);
    }

    public WatcherConfig withWriteStatus(boolean write) {
        return copy(c -> c.writeStatus = write);
    }

    public WatcherConfig withEventSource(URI source) {
        return copy(c -> c.eventSource = source);
    }

    public WatcherConfig withClock(Clock newClock) {
        return copy(c -> c.clock = newClock);
    }

    /**
     * Watch Rook and ESO Secrets only in these namespaces (one label-selected informer each), as the chart's
     * {@code rbac.secretNamespaces} grants; empty: in all namespaces.
     */
    public WatcherConfig withSecretNamespaces(Set<String> namespaces) {
        return copy(c -> c.secretNamespaces = namespaces);
    }

    /** Poll 1Password Connect for the items bindings name ({@code VaultItemObserved}). */
    public WatcherConfig withVaultPolling(VaultPolling polling) {
        return copy(c -> c.vaultPolling = Optional.of(polling));
    }

    private WatcherConfig copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The one place that lists every component for the {@code with…} methods; the record's constructor checks. */
    private static final class Copy {
        private final Fingerprinter fingerprinter;
        private Topics topics;
        private Duration coalesceWindow;
        private Duration resyncPeriod;
        private Election election;
        private Publishing publishing;
        private boolean writeStatus;
        private URI eventSource;
        private Clock clock;
        private Set<String> secretNamespaces;
        private Optional<VaultPolling> vaultPolling;

        Copy(WatcherConfig from) {
            fingerprinter = from.fingerprinter;
            topics = from.topics;
            coalesceWindow = from.coalesceWindow;
            resyncPeriod = from.resyncPeriod;
            election = from.election;
            publishing = from.publishing;
            writeStatus = from.writeStatus;
            eventSource = from.eventSource;
            clock = from.clock;
            secretNamespaces = from.secretNamespaces;
            vaultPolling = from.vaultPolling;
        }

        WatcherConfig build() {
            return new WatcherConfig(
                    fingerprinter,
                    topics,
                    coalesceWindow,
                    resyncPeriod,
                    election,
                    publishing,
                    writeStatus,
                    eventSource,
                    clock,
                    secretNamespaces,
                    vaultPolling);
        }
    }

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static Set<String> namespaces(Set<String> namespaces) {
        if (namespaces == null) {
            return Set.of();
        }
        for (String namespace : namespaces) {
            if (namespace == null || !DNS_LABEL.matcher(namespace).matches()) {
                throw new IllegalArgumentException("secretNamespaces: '" + namespace + "' is not a namespace name");
            }
        }
        return Collections.unmodifiableSet(new TreeSet<>(namespaces));
    }

    /**
     * Lease-based leader election.
     *
     * @param enabled        off: this replica always emits (a single replica, or tests)
     * @param identity       this replica's holder identity; default: {@code $POD_NAME} or {@code $HOSTNAME}, plus
     *                       a random suffix so that a restarted pod never mistakes the old lease for its own
     * @param leaseName      default {@code credrift-watcher}
     * @param leaseNamespace {@code null}: the client's namespace ({@code default} when it has none)
     */
    public record Election(
            boolean enabled,
            String identity,
            String leaseName,
            String leaseNamespace,
            Duration leaseDuration,
            Duration renewDeadline,
            Duration retryPeriod) {

        public static final String DEFAULT_LEASE_NAME = "credrift-watcher";

        public Election {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(leaseName, "leaseName");
            Objects.requireNonNull(leaseDuration, "leaseDuration");
            Objects.requireNonNull(renewDeadline, "renewDeadline");
            Objects.requireNonNull(retryPeriod, "retryPeriod");
        }

        /** On; 15 s lease, 10 s renew deadline, 2 s retry (the client-go defaults). */
        public static Election defaults() {
            return new Election(
                    true,
                    defaultIdentity(),
                    DEFAULT_LEASE_NAME,
                    null,
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2));
        }

        /** Off: this replica emits unconditionally. */
        public static Election disabled() {
            return new Election(
                    false,
                    defaultIdentity(),
                    DEFAULT_LEASE_NAME,
                    null,
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2));
        }

        public Election withIdentity(String newIdentity) {
            return new Election(
                    enabled, newIdentity, leaseName, leaseNamespace, leaseDuration, renewDeadline, retryPeriod);
        }

        public Election withLease(String namespace, String name) {
            return new Election(enabled, identity, name, namespace, leaseDuration, renewDeadline, retryPeriod);
        }

        public Election withTimings(Duration newLeaseDuration, Duration newRenewDeadline, Duration newRetryPeriod) {
            return new Election(
                    enabled, identity, leaseName, leaseNamespace, newLeaseDuration, newRenewDeadline, newRetryPeriod);
        }

        static String defaultIdentity() {
            String pod = System.getenv("POD_NAME");
            String host = pod != null && !pod.isBlank() ? pod : System.getenv("HOSTNAME");
            String base = host != null && !host.isBlank() ? host : "credrift-watcher";
            return base + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    /**
     * The publishing queue.
     *
     * @param maxPending      records waiting at most (one per binding and event type; beyond, the oldest go)
     * @param maxInFlight     records sent but not yet acknowledged at most
     * @param retryInitial    first retry delay after a failed send
     * @param retryMax        longest retry delay
     * @param shutdownTimeout how long stopping waits for queued records to be acknowledged
     */
    public record Publishing(
            int maxPending, int maxInFlight, Duration retryInitial, Duration retryMax, Duration shutdownTimeout) {

        public Publishing {
            if (maxPending < 1 || maxInFlight < 1) {
                throw new IllegalArgumentException("maxPending and maxInFlight must be positive");
            }
            Objects.requireNonNull(retryInitial, "retryInitial");
            Objects.requireNonNull(retryMax, "retryMax");
            Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        }

        /** 50,000 queued, 500 in flight, retries from 200 ms to 30 s, 10 s to flush on shutdown. */
        public static Publishing defaults() {
            return new Publishing(50_000, 500, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }
}
