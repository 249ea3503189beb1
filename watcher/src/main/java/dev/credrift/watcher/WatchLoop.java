package dev.credrift.watcher;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.Condition;
import dev.credrift.api.validation.Violation;
import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.BindingChanged;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.VaultItemObserved;
import dev.credrift.watcher.cluster.ApiDiscovery;
import dev.credrift.watcher.cluster.ChangeListener;
import dev.credrift.watcher.cluster.ClusterCaches;
import dev.credrift.watcher.coalesce.Coalescer;
import dev.credrift.watcher.index.BindingIndex;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.Facet;
import dev.credrift.watcher.index.SourceRef;
import dev.credrift.watcher.leader.LeaderElection;
import dev.credrift.watcher.observe.CredentialReader;
import dev.credrift.watcher.observe.ObservationBuilder;
import dev.credrift.watcher.observe.RefResolver;
import dev.credrift.watcher.publish.Backoff;
import dev.credrift.watcher.publish.ObservationEmitter;
import dev.credrift.watcher.publish.ObservationSink;
import dev.credrift.watcher.publish.Publisher;
import dev.credrift.watcher.resource.BindingRead;
import dev.credrift.watcher.resource.BindingReader;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.ObjectKind;
import dev.credrift.watcher.resource.PodFacts;
import dev.credrift.watcher.resource.Problems;
import dev.credrift.watcher.resource.WorkloadRef;
import dev.credrift.watcher.status.ValidConditionWriter;
import dev.credrift.watcher.vault.VaultTarget;
import dev.credrift.watcher.vault.VaultWatch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch loop: every informer change, coalescer flush, leadership change and resync runs here, one at a time, on
 * this verticle's event-loop context, so the state below needs no locks. Observations are built from the caches
 * (never from API calls); the only blocking calls (discovery, informer start/stop, status writes) run on the
 * {@value #WORKER} worker executor.
 */
final class WatchLoop extends VerticleBase implements ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);

    static final String WORKER = "credrift-watcher-kube";
    private static final long LATE_SYNC_TIMEOUT_MILLIS = 30_000;
    private static final Set<Facet> OBSERVED = EnumSet.of(Facet.SOURCE, Facet.EXTERNAL_SECRET, Facet.REPLICA,
            Facet.CONSUMERS, Facet.VAULT);

    private final WatcherConfig config;
    private final KubernetesClient client;
    private final ObservationSink sink;
    private final Promise<Void> synced = Promise.promise();

    // loop-confined state
    private final BindingIndex index = new BindingIndex();
    private final Map<BindingId, BindingState> states = new HashMap<>();
    private final Map<BindingId, EnumSet<Facet>> deferred = new HashMap<>();
    private final Set<BindingId> statusWrites = new HashSet<>();
    private final Map<BindingId, VaultTarget> vaultTargets = new HashMap<>();
    private final Map<BindingId, VaultItemObserved> vaultSeen = new HashMap<>();
    private VaultWatch vaultWatch;
    private WorkerExecutor worker;
    private Executor blocking;
    private Executor onLoop;
    private VertxScheduler scheduler;
    private ClusterCaches caches;
    private Coalescer coalescer;
    private Publisher publisher;
    private BindingReader reader;
    private final RefResolver resolver = new RefResolver();
    private ObservationBuilder builder;
    private ValidConditionWriter statusWriter;
    private ObservationEmitter emitter;
    private ApiDiscovery discovery;
    private LeaderElection election;
    private ScheduledExecutorService electionThreads;
    private long resyncTimer = -1;
    private volatile boolean stopping;

    // read by stats() from other threads
    private volatile boolean leading;
    private volatile boolean cachesSynced;
    private volatile int bindingCount;

    WatchLoop(WatcherConfig config, KubernetesClient client, ObservationSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Completes when the caches have first synced. */
    Future<Void> synced() {
        return synced.future();
    }

    WatcherStats stats() {
        Publisher.Stats p = publisher == null ? new Publisher.Stats(0, 0, 0, 0, 0) : publisher.stats();
        return new WatcherStats(leading, cachesSynced, bindingCount, caches == null ? 0 : caches.informerCount(),
                p.published(), p.failedSends(), p.dropped(), p.pending() + p.inFlight());
    }

    @Override
    public Future<?> start() {
        onLoop = task -> context.runOnContext(v -> task.run());
        if (config.vaultPolling().isPresent()) {
            try {
                vaultWatch = VaultWatch.create(config.vaultPolling().get(), config.fingerprinter(),
                        () -> leading && cachesSynced && !stopping,
                        changed -> onLoop.execute(() -> vaultChanged(changed)));
            } catch (IllegalArgumentException e) {
                // a CA file that cannot be used: named in the message, and nothing started yet
                return Future.failedFuture(e);
            }
        }
        worker = vertx.createSharedWorkerExecutor(WORKER, 2);
        blocking = task -> worker.executeBlocking(() -> {
            task.run();
            return null;
        }, false).onFailure(e -> LOG.error("Watch: blocking task failed ({}: {})", e.getClass().getSimpleName(),
                e.getMessage(), e));
        scheduler = new VertxScheduler(vertx, context);
        Fingerprinter fingerprinter = config.fingerprinter();
        builder = new ObservationBuilder(new CredentialReader(fingerprinter));
        reader = new BindingReader(client.getKubernetesSerialization());
        statusWriter = new ValidConditionWriter(client, config.clock());
        discovery = new ApiDiscovery(client);
        caches = new ClusterCaches(client, onLoop, blocking, this, config.secretNamespaces());
        coalescer = new Coalescer(config.coalesceWindow(), scheduler, System::nanoTime, this::flush);
        WatcherConfig.Publishing publishing = config.publishing();
        publisher = new Publisher(sink, config.topics().name(Topic.OBSERVATIONS), publishing.maxPending(),
                publishing.maxInFlight(), new Backoff(publishing.retryInitial(), publishing.retryMax(),
                        () -> ThreadLocalRandom.current().nextDouble()), scheduler);
        emitter = new ObservationEmitter(new EventFactory(config.eventSource(), config.clock(),
                () -> UUID.randomUUID().toString()), new EventCodec(), publisher);

        if (config.secretNamespacesRestricted()) {
            LOG.info("Watch: Secrets only in namespaces {} (watcher.secretNamespaces)", config.secretNamespaces());
        }
        startElection();
        worker.executeBlocking(() -> new Apis(discovery.externalSecrets(), discovery.rookUsers()), false)
                .compose(apis -> {
                    LOG.info("Watch: ExternalSecret API {}, CephObjectStoreUser API {}",
                            apis.externalSecrets().map(a -> a.getGroup() + "/" + a.getVersion()).orElse("not served"),
                            apis.rookUsers().map(a -> a.getGroup() + "/" + a.getVersion()).orElse("not served"));
                    return Future.fromCompletionStage(caches.startStatic(apis.externalSecrets(), apis.rookUsers()),
                            context);
                })
                .onSuccess(v -> staticSynced())
                .onFailure(e -> {
                    LOG.error("Watch: starting the informers failed ({}: {})", e.getClass().getSimpleName(),
                            e.getMessage(), e);
                    synced.tryFail(e);
                });
        resyncTimer = vertx.setPeriodic(config.resyncPeriod().toMillis(), id -> periodicResync());
        if (vaultWatch != null) {
            LOG.info("Watch: polling 1Password Connect every {} ({} requests at most per {})",
                    config.vaultPolling().get().pollInterval(), config.vaultPolling().get().maxRequests(),
                    config.vaultPolling().get().per());
            vaultWatch.start();
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        if (resyncTimer >= 0) {
            vertx.cancelTimer(resyncTimer);
        }
        Promise<Void> informersStopped = Promise.promise();
        worker.executeBlocking(() -> {
            if (vaultWatch != null) {
                vaultWatch.close();
            }
            caches.close();
            return null;
        }, false).onComplete(ar -> informersStopped.complete());
        return informersStopped.future()
                .compose(v -> {
                    if (leading) {
                        coalescer.flushAll();
                    }
                    return drained();
                })
                .compose(v -> sink.close().recover(e -> {
                    LOG.warn("Publish: closing the producer failed ({}: {})", e.getClass().getSimpleName(),
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

    // --- changes from the caches -------------------------------------------------------------------------------

    @Override
    public void bindingChanged(GenericKubernetesResource before, GenericKubernetesResource after) {
        if (after == null) {
            bindingDeleted(before);
            return;
        }
        Optional<BindingId> maybeId = idOf(after);
        if (maybeId.isEmpty()) {
            return;
        }
        BindingId id = maybeId.get();
        BindingState state = states.get(id);
        boolean created = state == null || state.deleted;
        boolean specChanged = created || !Objects.equals(spec(state.raw), spec(after))
                || !Objects.equals(after.getMetadata().getGeneration(), state.raw.getMetadata().getGeneration());
        if (state == null) {
            state = new BindingState();
            states.put(id, state);
            bindingCount = states.size();
        }
        state.raw = after;
        state.deleted = false;
        if (!specChanged) {
            // a status or metadata update (ours, the reconciler's): nothing to observe, but our condition may be gone
            ensureValidCondition(id, state);
            return;
        }
        state.read = reader.read(after);
        state.generation = Optional.ofNullable(after.getMetadata().getGeneration()).orElse(1L);
        if (state.pendingChange != BindingChanged.Change.CREATED) {
            state.pendingChange = created ? BindingChanged.Change.CREATED : BindingChanged.Change.UPDATED;
        }
        if (!state.read.valid()) {
            LOG.info("Observe(credentialbinding {}): spec is invalid: {}", id, state.read.violations().stream()
                    .filter(v -> v.isError()).map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        resolve(id, state);
        reconcileInformers();
        updateVaultTarget(id, state);
        ensureValidCondition(id, state);
        mark(id, EnumSet.allOf(Facet.class));
    }

    private void bindingDeleted(GenericKubernetesResource before) {
        Optional<BindingId> maybeId = idOf(before);
        if (maybeId.isEmpty()) {
            return;
        }
        BindingId id = maybeId.get();
        BindingState state = states.get(id);
        if (state == null) {
            return;
        }
        index.remove(id);
        if (vaultTargets.remove(id) != null && vaultWatch != null) {
            vaultWatch.targets(vaultTargets);
        }
        vaultSeen.remove(id);
        state.deleted = true;
        state.raw = before;
        state.pendingChange = BindingChanged.Change.DELETED;
        state.generation = Optional.ofNullable(before.getMetadata().getGeneration()).orElse(state.generation);
        reconcileInformers();
        if (cachesSynced && leading) {
            coalescer.mark(id, EnumSet.of(Facet.BINDING));
        } else {
            forgetNow(id);
        }
    }

    @Override
    public void secretChanged(String namespace, String name) {
        index.affectedBy(ObjectKey.secret(namespace, name)).forEach(this::mark);
    }

    @Override
    public void externalSecretChanged(String namespace, String name) {
        reresolveThrough(new ObjectKey(ObjectKind.EXTERNAL_SECRET, namespace, name));
    }

    @Override
    public void rookUserChanged(String namespace, String name) {
        reresolveThrough(new ObjectKey(ObjectKind.ROOK_USER, namespace, name));
    }

    @Override
    public void podChanged(Pod before, Pod after) {
        Set<BindingId> ids = new HashSet<>();
        for (Pod pod : new Pod[] {before, after}) {
            if (pod == null || pod.getMetadata() == null || pod.getMetadata().getNamespace() == null) {
                continue;
            }
            Optional<WorkloadRef> workload = PodFacts.workload(pod);
            ids.addAll(index.consumedBy(pod.getMetadata().getNamespace(), PodFacts.secretsRead(pod).keySet(),
                    workload));
        }
        ids.forEach(id -> mark(id, EnumSet.of(Facet.CONSUMERS)));
    }

    @Override
    public void lateInformerSynced() {
        if (deferred.isEmpty()) {
            return;
        }
        Map<BindingId, EnumSet<Facet>> waiting = new HashMap<>(deferred);
        deferred.clear();
        waiting.forEach(this::mark);
    }

    // --- startup, leadership, resync ---------------------------------------------------------------------------

    private void staticSynced() {
        for (GenericKubernetesResource raw : caches.bindings()) {
            bindingChanged(null, raw);
        }
        // ExternalSecrets and Rook users may have arrived before the bindings that name them were indexed
        states.forEach((id, state) -> {
            if (!state.deleted) {
                resolve(id, state);
            }
        });
        Promise<Void> lateSynced = Promise.promise();
        // an informer that cannot sync (RBAC, say) must not hold the whole watcher back: its facets are deferred
        long timer = vertx.setTimer(LATE_SYNC_TIMEOUT_MILLIS, t -> {
            if (lateSynced.tryFail("timeout")) {
                LOG.warn("Watch: some pod or named Secret informers have not synced after {} ms; their observations"
                        + " follow when they do", LATE_SYNC_TIMEOUT_MILLIS);
            }
        });
        Future.fromCompletionStage(caches.reconcile(index.namespaces(), index.namedSecrets()), context)
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.failed()) {
                        LOG.warn("Watch: some late informers failed to start ({}); they keep retrying",
                                ar.cause().getMessage());
                    }
                    lateSynced.tryComplete();
                });
        lateSynced.future().onComplete(ar -> {
            cachesSynced = true;
            LOG.info("Watch: caches synced: {} bindings, {} informers", states.size(), caches.informerCount());
            if (leading) {
                resync(ResyncRequested.Reason.STARTUP);
                pollVaultSoon();
            }
            synced.tryComplete();
        });
    }

    private void startElection() {
        WatcherConfig.Election settings = config.election();
        if (!settings.enabled()) {
            leading = true;
            return;
        }
        String namespace = settings.leaseNamespace() != null ? settings.leaseNamespace()
                : client.getNamespace() != null ? client.getNamespace() : "default";
        electionThreads = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "credrift-watcher-leader");
            thread.setDaemon(true);
            return thread;
        });
        election = new LeaderElection(client, new LeaderElection.Settings(settings.identity(), settings.leaseName(),
                namespace, settings.leaseDuration(), settings.renewDeadline(), settings.retryPeriod()),
                electionThreads, electionThreads,
                () -> onLoop.execute(this::becameLeader),
                () -> onLoop.execute(this::lostLeadership));
        electionThreads.execute(election::start);
    }

    private Future<Void> stopElection() {
        if (election == null) {
            return Future.succeededFuture();
        }
        return worker.executeBlocking(() -> {
            election.stop();
            electionThreads.shutdown();
            // let the elector release the lease, so that another replica need not wait for it to expire
            if (!electionThreads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                electionThreads.shutdownNow();
            }
            return null;
        }, false).mapEmpty();
    }

    private void becameLeader() {
        if (stopping) {
            return;
        }
        leading = true;
        emitter.reset();
        if (cachesSynced) {
            resync(ResyncRequested.Reason.STARTUP);
            pollVaultSoon();
        }
    }

    private void lostLeadership() {
        leading = false;
        coalescer.clear();
        publisher.clear();
        deferred.clear();
        // a later leadership starts from a fresh poll: what this replica last saw may be old by then
        vaultSeen.clear();
        if (vaultWatch != null) {
            vaultWatch.reset();
        }
    }

    private void periodicResync() {
        if (stopping || !cachesSynced || !leading) {
            return;
        }
        discoverLateApis();
        resync(ResyncRequested.Reason.PERIODIC);
    }

    /** Publishes every binding in full, bypassing deduplication, then asks for a resync of each. */
    private void resync(ResyncRequested.Reason reason) {
        LOG.info("Watch: {} resync of {} bindings", reason.name().toLowerCase(java.util.Locale.ROOT), states.size());
        for (Map.Entry<BindingId, BindingState> entry : new ArrayList<>(states.entrySet())) {
            BindingId id = entry.getKey();
            BindingState state = entry.getValue();
            if (state.deleted) {
                continue;
            }
            ensureValidCondition(id, state);
            // the resync stands in for a creation or change the loop had not published (not leader, not synced)
            state.pendingChange = null;
            emitFacets(id, state, OBSERVED, true);
            emitter.emit(new ResyncRequested(id, reason), true);
        }
    }

    private void discoverLateApis() {
        boolean needEs = !caches.externalSecretsServed();
        boolean needRook = !caches.rookUsersServed();
        if (!needEs && !needRook) {
            return;
        }
        worker.executeBlocking(() -> new Apis(needEs ? discovery.externalSecrets() : Optional.empty(),
                needRook ? discovery.rookUsers() : Optional.empty()), false)
                .onSuccess(apis -> {
                    List<java.util.concurrent.CompletableFuture<Void>> started = new ArrayList<>();
                    apis.externalSecrets().ifPresent(api -> started.add(caches.startExternalSecretsLate(api)));
                    apis.rookUsers().ifPresent(api -> started.add(caches.startRookUsersLate(api)));
                    if (!started.isEmpty()) {
                        Future.fromCompletionStage(java.util.concurrent.CompletableFuture.allOf(
                                started.toArray(java.util.concurrent.CompletableFuture[]::new)), context)
                                .onSuccess(v -> states.forEach((id, state) -> {
                                    if (!state.deleted) {
                                        resolve(id, state);
                                        mark(id, OBSERVED);
                                    }
                                }));
                    }
                });
    }

    // --- observations --------------------------------------------------------------------------------------------

    private void mark(BindingId id, Set<Facet> facets) {
        if (cachesSynced && leading && !stopping) {
            coalescer.mark(id, facets);
        }
    }

    private void flush(BindingId id, Set<Facet> facets) {
        LOG.debug("Observe(credentialbinding {}): looking at {}", id, facets);
        BindingState state = states.get(id);
        if (state == null) {
            return;
        }
        if (state.deleted) {
            if (facets.contains(Facet.BINDING)) {
                emitter.emit(new BindingChanged(id, BindingChanged.Change.DELETED, Math.max(1, state.generation)),
                        true);
            }
            forgetNow(id);
            return;
        }
        emitFacets(id, state, facets, false);
    }

    private void emitFacets(BindingId id, BindingState state, Set<Facet> facets, boolean force) {
        for (Facet facet : EnumSet.copyOf(facets)) {
            if (facet == Facet.VAULT) {
                VaultItemObserved seen = vaultSeen.get(id);
                if (seen != null) {
                    emitter.emit(seen, force);
                }
                continue;
            }
            if (facet == Facet.BINDING) {
                if (state.pendingChange != null) {
                    emitter.emit(new BindingChanged(id, state.pendingChange, Math.max(1, state.generation),
                            specProblems(state.read)), true);
                    state.pendingChange = null;
                }
                continue;
            }
            if (!ready(facet, state.refs)) {
                deferred.computeIfAbsent(id, k -> EnumSet.noneOf(Facet.class)).add(facet);
                continue;
            }
            try {
                builder.build(facet, state.refs, caches).ifPresent(payload -> emitter.emit(payload, force));
            } catch (RuntimeException e) {
                // a bug here must not stop the other facets or bindings; the message never holds a value
                LOG.error("Observe(credentialbinding {}): building the {} observation failed ({}: {})", id,
                        facet.name().toLowerCase(java.util.Locale.ROOT), e.getClass().getSimpleName(), e.getMessage(),
                        e);
            }
        }
    }

    private boolean ready(Facet facet, BindingRefs refs) {
        return switch (facet) {
            case CONSUMERS -> caches.podsSynced(refs.namespace());
            case SOURCE -> refs.source()
                    .filter(SourceRef.Named.class::isInstance)
                    .map(SourceRef::secret)
                    .filter(ObjectKey::legal)
                    .map(k -> !caches.secretsWatchedIn(k.namespace()) || caches.namedSecretSynced(k.namespace(),
                            k.name()))
                    .orElse(true);
            case REPLICA -> !refs.replicaNamed() || refs.replicaSecret()
                    .filter(ObjectKey::legal)
                    .map(k -> !caches.secretsWatchedIn(k.namespace()) || caches.namedSecretSynced(k.namespace(),
                            k.name()))
                    .orElse(true);
            default -> true;
        };
    }

    private Future<Void> drained() {
        Promise<Void> done = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, config.publishing().shutdownTimeout().toMillis()), t -> {
            Publisher.Stats s = publisher.stats();
            if (s.pending() + s.inFlight() > 0) {
                LOG.warn("Publish: shutdown timeout; {} observations not acknowledged (the next leader resyncs)",
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

    // --- helpers -------------------------------------------------------------------------------------------------

    private void reresolveThrough(ObjectKey key) {
        for (BindingId id : index.resolvingThrough(key)) {
            BindingState state = states.get(id);
            if (state != null && !state.deleted) {
                resolve(id, state);
            }
        }
        reconcileInformers();
        index.affectedBy(key).forEach(this::mark);
    }

    // --- vault polling --------------------------------------------------------------------------------------------

    /** What the poller reports, on the loop: kept as the binding's VAULT facet and published like any other. */
    private void vaultChanged(List<VaultItemObserved> changed) {
        for (VaultItemObserved observed : changed) {
            VaultTarget target = vaultTargets.get(observed.bindingId());
            if (target == null || !target.vault().equals(observed.vault()) || !target.item().equals(observed.item())) {
                continue; // the binding went away or names another item since
            }
            vaultSeen.put(observed.bindingId(), observed);
            mark(observed.bindingId(), EnumSet.of(Facet.VAULT));
        }
    }

    private void updateVaultTarget(BindingId id, BindingState state) {
        if (vaultWatch == null) {
            return;
        }
        Optional<VaultTarget> target = state.read instanceof BindingRead.Readable readable
                ? vaultTarget(id, readable.binding())
                : Optional.empty();
        VaultTarget before = target.isPresent() ? vaultTargets.put(id, target.get()) : vaultTargets.remove(id);
        if (!Objects.equals(before, target.orElse(null))) {
            vaultSeen.remove(id);
            vaultWatch.targets(vaultTargets);
        }
    }

    private static Optional<VaultTarget> vaultTarget(BindingId id, CredentialBinding binding) {
        var spec = binding.getSpec();
        var item = spec == null || spec.vault() == null ? null : spec.vault().onePassword();
        if (item == null || blank(item.vault()) || blank(item.item()) || item.fields() == null
                || blank(item.fields().accessKeyId()) || blank(item.fields().secretAccessKey())) {
            return Optional.empty(); // nothing to poll; the binding's validation names what is missing
        }
        if (item.connectSecretRef() != null) {
            return Optional.empty(); // another Connect server than ours: not polled (yet)
        }
        return Optional.of(new VaultTarget(id, item.vault(), item.item(), item.fields().accessKeyId(),
                item.fields().secretAccessKey()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void pollVaultSoon() {
        if (vaultWatch != null) {
            vaultWatch.pollSoon();
        }
    }

    private void resolve(BindingId id, BindingState state) {
        BindingRefs refs = state.read instanceof BindingRead.Readable readable
                ? resolver.resolve(id, readable.binding(), caches)
                : BindingRefs.none(id);
        state.refs = refs;
        index.put(refs);
    }

    private void reconcileInformers() {
        if (stopping) {
            return;
        }
        caches.reconcile(index.namespaces(), index.namedSecrets());
    }

    private void ensureValidCondition(BindingId id, BindingState state) {
        if (!config.writeStatus() || !leading || !cachesSynced || stopping || state.read == null) {
            return;
        }
        Condition desired = statusWriter.desired(state.raw, state.read);
        if (statusWriter.carries(state.raw, desired) || !statusWrites.add(id)) {
            return;
        }
        GenericKubernetesResource raw = state.raw;
        worker.executeBlocking(() -> {
            if (!stopping) {
                statusWriter.write(raw, desired);
            }
            return null;
        }, false).onComplete(ar -> statusWrites.remove(id));
    }

    private void forgetNow(BindingId id) {
        states.remove(id);
        if (vaultTargets.remove(id) != null && vaultWatch != null) {
            vaultWatch.targets(vaultTargets);
        }
        vaultSeen.remove(id);
        bindingCount = states.size();
        coalescer.forget(id);
        deferred.remove(id);
        emitter.forget(id);
    }

    private static Optional<BindingId> idOf(GenericKubernetesResource raw) {
        if (raw == null || raw.getMetadata() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BindingId.of(raw.getMetadata().getNamespace(), raw.getMetadata().getName()));
        } catch (ContractViolation e) {
            LOG.warn("Observe(credentialbinding): ignoring a binding whose namespace or name {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Object spec(GenericKubernetesResource raw) {
        return raw == null ? null : raw.getAdditionalProperties().get("spec");
    }

    /** The APIs discovery found. */
    private record Apis(Optional<ResourceDefinitionContext> externalSecrets,
            Optional<ResourceDefinitionContext> rookUsers) {
    }

    /** What the loop knows about one binding. */
    // the validator's errors, so that a consumer of the observation sees why the binding will not be acted on
    private static List<Problem> specProblems(BindingRead read) {
        if (read == null) {
            return List.of();
        }
        return read.violations().stream().filter(Violation::isError)
                .map(v -> Problems.of(ProblemCode.INVALID_VALUE, v.path(), v.message())).toList();
    }

    private static final class BindingState {
        GenericKubernetesResource raw;
        BindingRead read;
        BindingRefs refs;
        long generation = 1;
        BindingChanged.Change pendingChange;
        boolean deleted;
    }
}
