package dev.credrift.watcher;

import dev.credrift.watcher.leader.LeaderElection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The loop's leader election: a {@link LeaderElection} on a daemon thread of its own. The elector's callbacks are
 * handed over as given; the loop passes ones that hop onto its context.
 */
final class Election {

    private final WatcherConfig.Election settings;
    private final KubernetesClient client;
    private final Runnable gained;
    private final Runnable lost;
    private LeaderElection election;
    private ScheduledExecutorService threads;

    Election(WatcherConfig.Election settings, KubernetesClient client, Runnable gained, Runnable lost) {
        this.settings = settings;
        this.client = client;
        this.gained = gained;
        this.lost = lost;
    }

    /** Starts campaigning for the Lease; {@code false} when election is off (then this replica simply leads). */
    boolean start() {
        if (!settings.enabled()) {
            return false;
        }
        String namespace = settings.leaseNamespace() != null
                ? settings.leaseNamespace()
                : client.getNamespace() != null ? client.getNamespace() : "default";
        threads = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "credrift-watcher-leader");
            thread.setDaemon(true);
            return thread;
        });
        election = new LeaderElection(
                client,
                new LeaderElection.Settings(
                        settings.identity(),
                        settings.leaseName(),
                        namespace,
                        settings.leaseDuration(),
                        settings.renewDeadline(),
                        settings.retryPeriod()),
                threads,
                threads,
                gained,
                lost);
        threads.execute(election::start);
        return true;
    }

    /** Whether {@link #stop()} has anything to do. */
    boolean started() {
        return election != null;
    }

    /** Stops campaigning and releases the Lease. Blocking; call it on the blocking executor. */
    void stop() throws InterruptedException {
        if (election == null) {
            return;
        }
        election.stop();
        threads.shutdown();
        // let the elector release the lease, so that another replica need not wait for it to expire
        if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
