package dev.credrift.reconciler;

import dev.credrift.connect.write.OnePasswordConnectClient;
import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.audit.AuditChain;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.reconciler.assess.Assessor;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.cache.InformerReads;
import dev.credrift.reconciler.consume.BindingLanes;
import dev.credrift.reconciler.consume.ObservationConsumer;
import dev.credrift.reconciler.consume.RetryTimers;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.handle.BindingHandler;
import dev.credrift.reconciler.handle.HandlerSettings;
import dev.credrift.reconciler.handle.StoreRecheck;
import dev.credrift.reconciler.identity.KubeServiceAccountTokens;
import dev.credrift.reconciler.identity.StsClients;
import dev.credrift.reconciler.journal.AuditTail;
import dev.credrift.reconciler.journal.Journal;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.JournalLoader;
import dev.credrift.reconciler.kafka.KafkaRecordSink;
import dev.credrift.reconciler.kafka.TopicReader;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.probe.CachingStoreProbe;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.Outcomes;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.StatusWriter;
import dev.credrift.reconciler.resilience.Guards;
import dev.credrift.reconciler.resilience.RolloutBudget;
import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationRunner;
import dev.credrift.reconciler.step.RolloutPolicy;
import dev.credrift.reconciler.step.Steps;
import dev.credrift.reconciler.step.StoreChecks;
import dev.credrift.reconciler.step.VaultPorts;
import dev.credrift.reconciler.world.ConnectVaultAccess;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.WorldReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler on one Vert.x context: every handling, lane and timer runs here, one callback at a time; blocking
 * calls run on the {@value #WORKER} worker executor behind the guards. Starts by reading the journal (the state
 * topic to its end) and the audit tail, then consumes observations and resumes the work the journal says is open.
 */
final class ReconcilerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerVerticle.class);

    static final String WORKER = "credrift-reconciler-io";

    private final ReconcilerConfig config;
    private final KubernetesClient client;
    private final String bootstrapServers;
    private final ReconcilerMetrics metrics;
    private volatile boolean stopped;

    private WorkerExecutor worker;
    private ScheduledExecutorService scheduler;
    private KafkaRecordSink sink;
    private MinioStoreProbe minioProbe;
    private ObservationConsumer consumer;
    private RetryTimers timers;
    private BindingLanes lanes;
    private InformerReads caches;

    ReconcilerVerticle(
            ReconcilerConfig config, KubernetesClient client, String bootstrapServers, MeterRegistry registry) {
        this.config = config;
        this.client = client;
        this.bootstrapServers = bootstrapServers;
        this.metrics = new ReconcilerMetrics(registry, config.clock());
    }

    @Override
    public Future<?> start() {
        ReconcilerConfig.Concurrency concurrency = config.concurrency();
        worker = vertx.createSharedWorkerExecutor(WORKER + "-" + UUID.randomUUID(), concurrency.workerPoolSize());
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("credrift-reconciler-guards"));
        Guards guards = Guards.create(
                config.guarding().kubernetes(),
                config.guarding().onePassword(),
                config.guarding().store(),
                scheduler,
                worker);
        metrics.breakers(guards);

        Map<String, String> kafka = new HashMap<>(config.kafka());
        kafka.put("bootstrap.servers", bootstrapServers);
        sink = KafkaRecordSink.create(vertx, kafka);
        Journal journal = new Journal(sink, config.topics().name(Topic.STATE), config.stepHook()::afterJournal);
        EventFactory events = new EventFactory(
                config.eventSource(), config.clock(), () -> UUID.randomUUID().toString());
        Outcomes outcomes = new Outcomes(sink, config.topics(), events);
        AuditTrail audit =
                new AuditTrail(new AuditChain(config.clock(), config.auditKeys()), sink, config.topics(), events);

        KubeGateway kube = new KubeGateway(client);
        minioProbe = new MinioStoreProbe(config.probing().timeouts());
        CachingStoreProbe probe = new CachingStoreProbe(
                minioProbe, config.clock(), config.probing().cacheTtl(), config.fingerprinter());
        ConnectVaultAccess vault =
                new ConnectVaultAccess(OnePasswordConnectClient.create(config.connect(), config.clock()));
        caches = new InformerReads(client, KubeGateway.EXTERNAL_SECRETS, InformerReads.LOOKUP_WAIT);
        WorldReader reader = new WorldReader(kube, caches, vault);
        Freshness freshness = new Freshness(
                config.consumers().notReadyGrace(), config.consumers().volumeMountsRefresh());
        RateLimiter vaultWrites = RateLimiter.of(
                "credrift-vault-writes",
                RateLimiterConfig.custom()
                        .limitForPeriod(config.limits().vaultWritesPerMinute())
                        .limitRefreshPeriod(Duration.ofMinutes(1))
                        .timeoutDuration(config.limits().vaultWriteWait())
                        .build());
        RolloutBudget rollouts = new RolloutBudget(config.limits().globalRolloutsPerHour());
        metrics.budget(rollouts, config.limits().globalRolloutsPerHour());
        Exec exec = new Exec(vertx, context, guards, config.clock());
        ClusterPorts cluster = new ClusterPorts(kube, reader);
        StoreChecks store = new StoreChecks(probe, config.fingerprinter());
        Steps steps = new Steps(
                exec,
                cluster,
                store,
                new VaultPorts(vault, vaultWrites),
                new RolloutPolicy(freshness, config.timings(), rollouts));
        RemediationRunner runner = new RemediationRunner(
                outcomes, audit, metrics, config.stepHook(), () -> stopped, config.clock(), steps);
        timers = new RetryTimers(vertx, config.clock(), id -> lanes.submit(id, Trigger.TIMER, () -> {}));
        BindingHandler handler = BindingHandler.create(
                new BindingHandler.WorldPorts(exec, cluster, store, steps),
                journal,
                new BindingHandler.Assessment(
                        new Assessor(config.fingerprinter(), freshness),
                        Optional.of(new BindingHandler.IdentityParts(
                                new KubeServiceAccountTokens(client), StsClients.create(config.clock())))),
                runner,
                new BindingHandler.Reports(
                        outcomes,
                        audit,
                        new StatusWriter(kube, caches, config.clock()),
                        new KubeEvents(kube, config.clock(), config.instance()),
                        metrics),
                new HandlerSettings(
                        config.retry(),
                        config.consumers().startingRecheck(),
                        config.probing().identityRecheck(),
                        config.limits().flapping(),
                        config.probing().storeRecheck()),
                timers::schedule,
                () -> stopped);
        lanes = new BindingLanes(
                Bulkhead.of(
                        "credrift-bindings",
                        BulkheadConfig.custom()
                                .maxConcurrentCalls(concurrency.maxConcurrentBindings())
                                .maxWaitDuration(Duration.ZERO)
                                .build()),
                (id, trigger, assessed) -> handler.handle(id, trigger, assessed)
                        .onComplete(ar -> metrics.bindingHandled(journal.get(id))));
        // a handling reads the binding from the cache: one that read it just before a spec or annotation change looks
        // again (the watcher's observation of the change may come first)
        caches.onBindingChange(id -> lanes.submit(id, Trigger.OBSERVATION, () -> {}));
        consumer = new ObservationConsumer(
                vertx,
                consumerConfig(kafka),
                config.topics().name(Topic.OBSERVATIONS),
                lanes,
                outcomes,
                metrics,
                concurrency.maxInFlightRecords());

        TopicReader topicReader = new TopicReader(kafka, config.startup().readTimeout());
        return worker.executeBlocking(
                        () -> new Loaded(
                                new JournalLoader(topicReader)
                                        .load(config.topics().name(Topic.STATE)),
                                new AuditTail(topicReader)
                                        .heads(
                                                config.topics().name(Topic.AUDIT),
                                                config.startup().auditTailRecords())),
                        false)
                .compose(loaded -> warmCaches(loaded).map(loaded))
                .compose(loaded -> {
                    journal.load(loaded.journal());
                    rollouts.seed(
                            loaded.journal().values().stream()
                                    .flatMap(e -> e.restarts().stream())
                                    .toList(),
                            config.clock().instant());
                    resumeChains(audit, loaded);
                    return consumer.start(
                                    concurrency.commitInterval(),
                                    (owned, first) -> (first
                                                    ? resumeOpenWork(journal, owned)
                                                    : reread(topicReader, journal, audit, owned))
                                            .onComplete(ar -> metrics.bindingsAssigned(
                                                    owned,
                                                    journal.bindings().stream()
                                                            .map(journal::get)
                                                            .toList())))
                            .map(loaded);
                })
                .onSuccess(loaded -> LOG.info(
                        "Reconcile: started ({} binding(s) in the journal, group {})",
                        loaded.journal().size(),
                        config.groupId()));
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        if (timers != null) {
            timers.cancelAll();
        }
        Future<Void> consumerStopped =
                consumer == null ? Future.succeededFuture() : consumer.stop().recover(e -> Future.succeededFuture());
        return consumerStopped
                .compose(v -> sink == null
                        ? Future.<Void>succeededFuture()
                        : sink.close().recover(e -> Future.succeededFuture()))
                .eventually(() -> worker == null ? Future.succeededFuture() : worker.close())
                .onComplete(ar -> {
                    if (caches != null) {
                        caches.close();
                    }
                    if (scheduler != null) {
                        scheduler.shutdownNow();
                    }
                    if (minioProbe != null) {
                        minioProbe.close();
                    }
                    LOG.info("Reconcile: stopped");
                });
    }

    /** Whether the observation consumer has joined its group and received an assignment; for readiness. */
    boolean consumerAssigned() {
        return consumer != null && consumer.assigned();
    }

    /** Records received and not yet durable, and bindings being handled; for health and tests. */
    ReconcilerStats stats() {
        return new ReconcilerStats(consumer == null ? 0 : consumer.inFlight(), lanes == null ? 0 : lanes.busy());
    }

    // the journal's namespaces are synced before consumption; one that does not sync in time (no RBAC there yet, a
    // slow API server) must not keep the reconciler from starting: its first lookup fails and is retried. Starting
    // the informers runs API discovery per namespace (blocking), so it runs on a worker, never on the event loop
    private Future<Void> warmCaches(Loaded loaded) {
        Duration timeout = config.startup().readTimeout();
        List<String> namespaces =
                loaded.journal().keySet().stream().map(BindingId::namespace).toList();
        return worker.executeBlocking(() -> caches.start(namespaces), false)
                .compose(synced -> Future.fromCompletionStage(synced, context))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    LOG.warn(
                            "Reconcile: the informer caches of the journal's namespaces did not sync within {} s ({});"
                                    + " starting anyway",
                            timeout.toSeconds(),
                            e.getClass().getSimpleName());
                    return Future.succeededFuture();
                });
    }

    private record Loaded(Map<BindingId, JournalEntry> journal, Map<BindingId, AuditRecord> auditTail) {}

    // partitions may have moved here from another reconciler, whose journal writes this one has not read yet
    private Future<Void> reread(
            TopicReader topicReader, Journal journal, AuditTrail audit, Predicate<BindingId> owned) {
        return worker.executeBlocking(
                        () -> new Loaded(
                                new JournalLoader(topicReader)
                                        .load(config.topics().name(Topic.STATE)),
                                new AuditTail(topicReader)
                                        .heads(
                                                config.topics().name(Topic.AUDIT),
                                                config.startup().auditTailRecords())),
                        false)
                .compose(loaded -> {
                    journal.refresh(loaded.journal(), lanes::busy);
                    resumeChains(audit, loaded);
                    return resumeOpenWork(journal, owned);
                });
    }

    private void resumeChains(AuditTrail audit, Loaded loaded) {
        loaded.journal().forEach((id, entry) -> {
            if (entry.auditHead() != null) {
                resume(audit, entry.auditHead().toRecord(id));
            }
        });
        loaded.auditTail().values().forEach(record -> resume(audit, record));
    }

    private static void resume(AuditTrail audit, AuditRecord record) {
        try {
            audit.resume(record);
        } catch (ContractViolation e) {
            Reconciliation.of(record.bindingId())
                    .on(LOG.atWarn())
                    .log("Reconcile: audit chain not resumed from sequence {}: {}", record.sequence(), e.getMessage());
        }
    }

    /** Resumes open remediations and retry timers of the bindings whose observations now come here. */
    private Future<Void> resumeOpenWork(Journal journal, Predicate<BindingId> owned) {
        Instant now = config.clock().instant();
        for (BindingId id : journal.bindings()) {
            JournalEntry entry = journal.get(id);
            if (!owned.test(id)) {
                continue;
            }
            // a store re-check timer died with the previous process: look again now, which schedules the next one
            if (entry.remediation() != null || StoreRecheck.refusedByStore(entry.lastVerdict())) {
                lanes.submit(id, Trigger.STARTUP, () -> {});
            } else if (entry.retry() != null && entry.retry().notBefore() != null) {
                Duration wait = Duration.between(now, entry.retry().notBefore());
                timers.schedule(id, wait.isNegative() ? Duration.ZERO : wait);
            }
        }
        return Future.succeededFuture();
    }

    private Map<String, String> consumerConfig(Map<String, String> kafka) {
        Map<String, String> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put("group.id", config.groupId());
        return consumerConfig;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
