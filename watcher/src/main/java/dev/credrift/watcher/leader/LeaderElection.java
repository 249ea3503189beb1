package dev.credrift.watcher.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease-based leader election ({@code coordination.k8s.io/v1} Lease, fabric8's {@link LeaderElector}), so that of
 * several watcher replicas only one emits. A replica that loses the lease stops emitting and stands for election
 * again; stopping releases the lease so that another replica takes over without waiting for it to expire.
 */
public final class LeaderElection {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    /**
     * @param identity      this replica's name in the Lease ({@code holderIdentity}), unique among replicas
     * @param leaseName     the Lease's name
     * @param leaseNamespace the Lease's namespace
     * @param leaseDuration how long a lease is valid without renewal (others wait this long after a crash)
     * @param renewDeadline how long the leader keeps trying to renew before giving up leadership
     * @param retryPeriod   how often candidates try to acquire, and the leader renews
     */
    public record Settings(
            String identity,
            String leaseName,
            String leaseNamespace,
            Duration leaseDuration,
            Duration renewDeadline,
            Duration retryPeriod) {
        public Settings {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(leaseName, "leaseName");
            Objects.requireNonNull(leaseNamespace, "leaseNamespace");
            if (!(leaseDuration.compareTo(renewDeadline) > 0 && renewDeadline.compareTo(retryPeriod) > 0)) {
                throw new IllegalArgumentException("leader election needs leaseDuration > renewDeadline > retryPeriod");
            }
        }
    }

    private final KubernetesClient client;
    private final Settings settings;
    private final Executor executor;
    private final ScheduledExecutorService retry;
    private final Runnable onStartLeading;
    private final Runnable onStopLeading;

    private CompletableFuture<?> running;
    private boolean stopped;

    /**
     * @param executor       runs the elector's (blocking) Lease calls
     * @param retry          schedules standing again after leadership was lost
     * @param onStartLeading called when this replica becomes leader
     * @param onStopLeading  called when it stops being leader
     */
    public LeaderElection(
            KubernetesClient client,
            Settings settings,
            Executor executor,
            ScheduledExecutorService retry,
            Runnable onStartLeading,
            Runnable onStopLeading) {
        this.client = client;
        this.settings = settings;
        this.executor = executor;
        this.retry = retry;
        this.onStartLeading = onStartLeading;
        this.onStopLeading = onStopLeading;
    }

    /** Stands for election, and again whenever leadership is lost, until {@link #stop()}. */
    public synchronized void start() {
        if (stopped) {
            return;
        }
        LeaderElector elector = new LeaderElectorBuilder(client, executor)
                .withConfig(new LeaderElectionConfigBuilder()
                        .withName(settings.leaseName())
                        .withLock(new LeaseLock(settings.leaseNamespace(), settings.leaseName(), settings.identity()))
                        .withLeaseDuration(settings.leaseDuration())
                        .withRenewDeadline(settings.renewDeadline())
                        .withRetryPeriod(settings.retryPeriod())
                        .withReleaseOnCancel(true)
                        .withLeaderCallbacks(new LeaderCallbacks(this::started, this::lost, this::newLeader))
                        .build())
                .build();
        LOG.info(
                "Elect(lease {}/{}): standing as {}",
                settings.leaseNamespace(),
                settings.leaseName(),
                settings.identity());
        CompletableFuture<?> election = elector.start();
        running = election;
        election.whenComplete((v, e) -> standAgain(election, e));
    }

    /** Stops standing and releases the lease if held. */
    public synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.cancel(true);
        }
    }

    private void started() {
        LOG.info(
                "Elect(lease {}/{}): {} is the leader",
                settings.leaseNamespace(),
                settings.leaseName(),
                settings.identity());
        onStartLeading.run();
    }

    private void lost() {
        LOG.info(
                "Elect(lease {}/{}): {} is no longer the leader",
                settings.leaseNamespace(),
                settings.leaseName(),
                settings.identity());
        onStopLeading.run();
    }

    private void newLeader(String identity) {
        LOG.debug("Elect(lease {}/{}): leader is now {}", settings.leaseNamespace(), settings.leaseName(), identity);
    }

    private synchronized void standAgain(CompletableFuture<?> election, Throwable failure) {
        if (stopped || election != running) {
            return;
        }
        if (failure != null) {
            LOG.warn(
                    "Elect(lease {}/{}): election failed, standing again in {}: {}: {}",
                    settings.leaseNamespace(),
                    settings.leaseName(),
                    settings.retryPeriod(),
                    failure.getClass().getSimpleName(),
                    failure.getMessage());
        }
        retry.schedule(this::start, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }
}
