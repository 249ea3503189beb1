package dev.credrift.watcher;

import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.watcher.cluster.ApiDiscovery;
import dev.credrift.watcher.cluster.ChangeListener;
import dev.credrift.watcher.cluster.ClusterCaches;
import dev.credrift.watcher.coalesce.Coalescer;
import dev.credrift.watcher.index.Facet;
import dev.credrift.watcher.metrics.WatcherMetrics;
import dev.credrift.watcher.observe.CredentialReader;
import dev.credrift.watcher.observe.ObservationBuilder;
import dev.credrift.watcher.publish.Backoff;
import dev.credrift.watcher.publish.ObservationEmitter;
import dev.credrift.watcher.publish.ObservationSink;
import dev.credrift.watcher.publish.Publisher;
import dev.credrift.watcher.resource.BindingReader;
import dev.credrift.watcher.status.ValidConditionWriter;
import dev.credrift.watcher.vault.VaultWatch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch loop: every informer change, coalescer flush, leadership change and resync runs here, one at a time, on
 * this verticle's event-loop context, so the state of its parts needs no locks. Observations are built from the
 * caches (never from API calls); the only blocking calls (discovery, informer start/stop, status writes) run on the
 * {@value #WORKER} worker executor.
 *
 * <p>This class owns the lifecycle: start, leadership, resyncs, stop. Its parts, each confined to the loop: the
 * {@link Activity} (leading, synced, stopping), the {@link BindingTracker} (per-binding state, fed the cache changes),
 * the {@link Emission} (facets to observations), the {@link VaultFacet} (1Password polling state), the
 * {@link StatusWrites} ({@code Valid} condition) and the {@link OptionalApis} (discovery of ESO's and Rook's APIs).
 */
final class WatchLoop extends VerticleBase implements ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);

    static final String WORKER = "credrift-watcher-kube";
    private static final long LATE_SYNC_TIMEOUT_MILLIS = 30_000;

    private final WatcherConfig config;
    private final KubernetesClient client;
    private final ObservationSink sink;
    private final WatcherMetrics metrics;
    private final Promise<Void> synced = Promise.promise();
    private final Activity activity = new Activity();

    // loop-confined, made in start()
    private WorkerExecutor worker;
    private Executor onLoop;
    private ClusterCaches caches;
    private Coalescer coalescer;
    private Publisher publisher;
    private Emission emission;
    private VaultFacet vault;
    private BindingTracker bindings;
    private OptionalApis apis;
    private Election election;
    private long resyncTimer = -1;

    WatchLoop(WatcherConfig config, KubernetesClient client, ObservationSink sink, WatcherMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        metrics.bind(this::stats);
    }

    /** Completes when the caches have first synced. */
    Future<Void> synced() {
        return synced.future();
    }

    WatcherStats stats() {
        Publisher.Stats p = publisher == null ? new Publisher.Stats(0, 0, 0, 0, 0) : publisher.stats();
        return new WatcherStats(
                activity.leading(),
                activity.cachesSynced(),
                bindings == null ? 0 : bindings.count(),
                caches == null ? 0 : caches.informerCount(),
                p.published(),
                p.failedSends(),
                p.dropped(),
                p.pending() + p.inFlight());
    }

    @Override
    public Future<?> start() {
        onLoop = task -> context.runOnContext(v -> task.run());
        VaultWatch vaultWatch = null;
        if (config.vaultPolling().isPresent()) {
            try {
                vaultWatch = VaultWatch.create(
                        config.vaultPolling().get(),
                        config.fingerprinter(),
                        activity::active,
                        changed -> onLoop.execute(() -> vault.changed(changed)),
                        metrics::polled);
            } catch (IllegalArgumentException e) {
                // a CA file that cannot be used: named in the message, and nothing started yet
                return Future.failedFuture(e);
            }
        }
        vault = new VaultFacet(vaultWatch, id -> bindings.mark(id, EnumSet.of(Facet.VAULT)));
        worker = vertx.createSharedWorkerExecutor(WORKER, 2);
        Executor blocking = task -> worker.executeBlocking(
                        () -> {
                            task.run();
                            return null;
                        },
                        false)
                .onFailure(e -> LOG.error(
                        "Watch: blocking task failed ({}: {})", e.getClass().getSimpleName(), e.getMessage(), e));
        VertxScheduler scheduler = new VertxScheduler(vertx, context);
        caches = new ClusterCaches(client, onLoop, blocking, this, config.secretNamespaces());
        apis = new OptionalApis(new ApiDiscovery(client), caches, worker, context);
        coalescer = new Coalescer(
                config.coalesceWindow(), scheduler, System::nanoTime, (id, facets) -> bindings.flush(id, facets));
        WatcherConfig.Publishing publishing = config.publishing();
        publisher = new Publisher(
                sink,
                config.topics().name(Topic.OBSERVATIONS),
                publishing.maxPending(),
                publishing.maxInFlight(),
                new Backoff(
                        publishing.retryInitial(),
                        publishing.retryMax(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                scheduler);
        emission = new Emission(
                new ObservationEmitter(
                        new EventFactory(
                                config.eventSource(),
                                config.clock(),
                                () -> UUID.randomUUID().toString()),
                        new EventCodec(),
                        publisher),
                new ObservationBuilder(new CredentialReader(config.fingerprinter())),
                caches,
                vault);
        StatusWrites status = new StatusWrites(
                config.writeStatus(), new ValidConditionWriter(client, config.clock()), activity, worker);
        bindings = new BindingTracker(
                new BindingReader(client.getKubernetesSerialization()),
                caches,
                coalescer,
                activity,
                vault,
                status,
                emission);

        if (config.secretNamespacesRestricted()) {
            LOG.info("Watch: Secrets only in namespaces {} (watcher.secretNamespaces)", config.secretNamespaces());
        }
        election = new Election(
                config.election(),
                client,
                () -> onLoop.execute(this::becameLeader),
                () -> onLoop.execute(this::lostLeadership));
        if (!election.start()) {
            activity.lead(true); // election off: this replica simply leads
        }
        apis.startStatic().onSuccess(v -> staticSynced()).onFailure(e -> {
            LOG.error(
                    "Watch: starting the informers failed ({}: {})",
                    e.getClass().getSimpleName(),
                    e.getMessage(),
                    e);
            synced.tryFail(e);
        });
        resyncTimer = vertx.setPeriodic(config.resyncPeriod().toMillis(), id -> periodicResync());
        if (vault.polling()) {
            LOG.info(
                    "Watch: polling 1Password Connect every {} ({} requests at most per {})",
                    config.vaultPolling().get().pollInterval(),
                    config.vaultPolling().get().maxRequests(),
                    config.vaultPolling().get().per());
            vault.start();
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        activity.stop();
        if (resyncTimer >= 0) {
            vertx.cancelTimer(resyncTimer);
        }
        Promise<Void> informersStopped = Promise.promise();
        worker.executeBlocking(
                        () -> {
                            vault.close();
                            caches.close();
                            return null;
                        },
                        false)
                .onComplete(ar -> informersStopped.complete());
        return informersStopped
                .future()
                .compose(v -> {
                    if (activity.leading()) {
                        coalescer.flushAll();
                    }
                    return drained();
                })
                .compose(v -> sink.close().recover(e -> {
                    LOG.warn(
                            "Publish: closing the producer failed ({}: {})",
                            e.getClass().getSimpleName(),
                            e.getMessage());
                    return Future.succeededFuture();
                }))
                .compose(v -> stopElection())
                .eventually(() -> worker.close())
                .onComplete(ar -> {
                    synced.tryFail("watcher stopped");
                    LOG.info("Watch: stopped ({})", stats());
                });
    }

    // --- changes from the caches, already on the loop: the tracker's --------------------------------------------

    @Override
    public void bindingChanged(GenericKubernetesResource before, GenericKubernetesResource after) {
        bindings.bindingChanged(before, after);
    }

    @Override
    public void secretChanged(String namespace, String name) {
        bindings.secretChanged(namespace, name);
    }

    @Override
    public void externalSecretChanged(String namespace, String name) {
        bindings.externalSecretChanged(namespace, name);
    }

    @Override
    public void rookUserChanged(String namespace, String name) {
        bindings.rookUserChanged(namespace, name);
    }

    @Override
    public void podChanged(Pod before, Pod after) {
        bindings.podChanged(before, after);
    }

    @Override
    public void lateInformerSynced() {
        bindings.lateInformerSynced();
    }

    // --- startup, leadership, resync ---------------------------------------------------------------------------

    private void staticSynced() {
        CompletableFuture<Void> informers = bindings.load(caches.bindings());
        Promise<Void> lateSynced = Promise.promise();
        // an informer that cannot sync (RBAC, say) must not hold the whole watcher back: its facets are deferred
        long timer = vertx.setTimer(LATE_SYNC_TIMEOUT_MILLIS, t -> {
            if (lateSynced.tryFail("timeout")) {
                LOG.warn(
                        "Watch: some pod or named Secret informers have not synced after {} ms; their observations"
                                + " follow when they do",
                        LATE_SYNC_TIMEOUT_MILLIS);
            }
        });
        Future.fromCompletionStage(informers, context).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.failed()) {
                LOG.warn(
                        "Watch: some late informers failed to start ({}); they keep retrying",
                        ar.cause().getMessage());
            }
            lateSynced.tryComplete();
        });
        lateSynced.future().onComplete(ar -> {
            activity.synced();
            LOG.info("Watch: caches synced: {} bindings, {} informers", bindings.count(), caches.informerCount());
            if (activity.leading()) {
                bindings.resync(ResyncRequested.Reason.STARTUP);
                vault.pollSoon();
            }
            synced.tryComplete();
        });
    }

    private Future<Void> stopElection() {
        if (!election.started()) {
            return Future.succeededFuture();
        }
        return worker.executeBlocking(
                        () -> {
                            election.stop();
                            return null;
                        },
                        false)
                .mapEmpty();
    }

    private void becameLeader() {
        if (activity.stopping()) {
            return;
        }
        activity.lead(true);
        emission.leadershipGained();
        if (activity.cachesSynced()) {
            bindings.resync(ResyncRequested.Reason.STARTUP);
            vault.pollSoon();
        }
    }

    private void lostLeadership() {
        activity.lead(false);
        coalescer.clear();
        publisher.clear();
        emission.leadershipLost();
        vault.reset();
    }

    private void periodicResync() {
        if (!activity.active()) {
            return;
        }
        apis.discoverLate(bindings::lateApisCached);
        bindings.resync(ResyncRequested.Reason.PERIODIC);
    }

    private Future<Void> drained() {
        Promise<Void> done = Promise.promise();
        long timer =
                vertx.setTimer(Math.max(1, config.publishing().shutdownTimeout().toMillis()), t -> {
                    Publisher.Stats s = publisher.stats();
                    if (s.pending() + s.inFlight() > 0) {
                        LOG.warn(
                                "Publish: shutdown timeout; {} observations not acknowledged (the next leader resyncs)",
                                s.pending() + s.inFlight());
                    }
                    done.tryComplete();
                });
        publisher.whenDrained().onComplete(ar -> {
            vertx.cancelTimer(timer);
            done.tryComplete();
        });
        return done.future();
    }
}
