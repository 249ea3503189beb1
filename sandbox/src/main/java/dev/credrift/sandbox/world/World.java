package dev.credrift.sandbox.world;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.RealTimeScheduler;
import dev.credrift.sandbox.emulate.eso.EsoEmulator;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.emulate.rook.RookEmulator;
import dev.credrift.sandbox.emulate.workload.WorkloadEmulator;
import dev.credrift.sandbox.emulate.workload.WorkloadSettings;
import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.onepassword.ReadAfterWriteLag;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import dev.credrift.sandbox.webhook.WebhookSink;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.ValueTemplate;
import dev.credrift.sandbox.world.spec.VaultSpec;
import dev.credrift.sandbox.world.spec.WorldObject;
import dev.credrift.sandbox.world.spec.WorldSettings;
import dev.credrift.sandbox.world.spec.WorldSpec;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running world: the Kubernetes stand-in with the world's objects, the S3 store with its users, the 1Password
 * Connect emulator with its vaults, the Rook, ESO and workload emulators driving them, and — if asked — a Kafka
 * broker and a webhook sink. Everything listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (World world = World.start(BuiltInWorlds.load("story-1-loki-rook-1password"), WorldOptions.defaults())) {
 *     // start credrift against world.kubernetesClient(), world.onePasswordUrl(), world.kafkaBootstrapServers()
 *     WorldReport report = new WorldRunner().run(world, WorldRunner.Listener.NONE);
 * }
 * }</pre>
 *
 * <p>Credentials exist only in this process's memory; the world reports fingerprints (made with the options'
 * fingerprint key) and masked key ids. {@link #close()} stops everything it started, last started first.
 */
public final class World implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(World.class);

    private final WorldSpec spec;
    private final WorldOptions options;
    private final Clock clock = Clock.systemUTC();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final DriftClassLog driftClasses = new DriftClassLog();
    private final Fingerprinter fingerprinter;
    private Instant startedAt;
    private Duration settledAfter;
    private boolean settled;
    private TestPki ca;
    private TestPki impostorCa;
    private S3StoreStandIn store;
    private MinioStandIn minio;
    private OnePasswordConnectEmulator onePassword;
    private StsWorld sts;
    private MockKubernetes kubernetes;
    private KubernetesClient client;
    private KafkaBroker kafka;
    private WebhookSink webhookSink;
    private RookEmulator rook;
    private EsoEmulator eso;
    private WorkloadEmulator workloads;
    private ObjectApplier applier;
    private WorldDirectory directory;
    private Path onePasswordTokenFile;

    private World(WorldSpec spec, WorldOptions options) {
        this.spec = spec;
        this.options = options;
        this.fingerprinter = new Fingerprinter(options.fingerprintKey());
    }

    /** Starts {@code spec} with a Kafka broker and a webhook sink ({@link WorldOptions#defaults()}). */
    public static World start(WorldSpec spec) {
        return start(spec, WorldOptions.defaults());
    }

    /**
     * Starts {@code spec}, applies its objects and waits (at most {@code settings.settleTimeout}) for the
     * emulators to settle: every ExternalSecret synced or failed, every workload's pods started and probed.
     *
     * @throws WorldException naming the object or part that failed; whatever started is stopped again
     */
    public static World start(WorldSpec spec, WorldOptions options) {
        World world = new World(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(options, "options"));
        try {
            world.boot();
            return world;
        } catch (RuntimeException e) {
            world.close();
            throw e instanceof WorldException ? e : new WorldException("world " + spec.name() + " did not start: "
                    + e, e);
        }
    }

    private void boot() {
        startedAt = clock.instant();
        WorldSettings settings = spec.settings();
        directory = remember(WorldDirectory.create(spec.name()));
        startServers();
        onePasswordTokenFile = directory.write("onepassword.token",
                onePassword.token().reveal().getBytes(StandardCharsets.UTF_8));
        LOG.debug("world {}: store, 1Password Connect and Kubernetes up after {} ms", spec.name(), elapsedMillis());
        seedStore();
        startMinio();
        seedOnePassword();
        startSts();
        client = kubernetes.client();
        if (options.kafka().isPresent()) {
            kafka = options.kafka().get();
        } else if (options.startKafka()) {
            kafka = remember(EmbeddedKafkaBroker.start());
        }
        if (options.startWebhookSink()) {
            webhookSink = remember(WebhookSink.start());
        }
        LOG.debug("world {}: Kafka and webhook sink up after {} ms", spec.name(), elapsedMillis());
        applier = new ObjectApplier(client, this::placeholder);
        publishCa();
        for (WorldObject object : spec.objects()) {
            applier.apply(object);
        }
        provideConnectTokens();
        LOG.debug("world {}: objects applied after {} ms", spec.name(), elapsedMillis());

        RealTimeScheduler scheduler = remember(new RealTimeScheduler(clock));
        rook = remember(new RookEmulator(kubernetes.newClient(), store, store.endpoint()));
        rook.start();
        eso = remember(new EsoEmulator(kubernetes.newClient(), clock, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build()));
        eso.start(scheduler, settings.tick());
        workloads = remember(new WorkloadEmulator(kubernetes.newClient(), clock, Optional.of(consumerProbe()),
                new WorkloadSettings(settings.tick(), settings.probePeriod(), settings.crashLoopBackOff(),
                        settings.crashLoopBackOffMax())));
        workloads.start(scheduler);
        watchBindings();
        LOG.debug("world {}: emulators started after {} ms", spec.name(), elapsedMillis());
        settle(settings.settleTimeout());
        LOG.info("world {} is up ({}settled after {} ms): Kubernetes at {}, S3 at {}, 1Password Connect at {}",
                spec.name(), settled ? "" : "NOT ", settledAfter.toMillis(), kubernetes.url(), store.endpoint(),
                onePassword.baseUri());
    }

    private long elapsedMillis() {
        return Duration.between(startedAt, clock.instant()).toMillis();
    }

    /** The three servers start in parallel: each spends most of its start-up loading classes. */
    private void startServers() {
        Optional<TlsSpec> tls = spec.store().tls();
        if (tls.isPresent()) {
            ca = TestPki.newCa(tls.get().caName(), clock);
        }
        ExecutorService starter = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-world-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<S3StoreStandIn> storeStart = CompletableFuture.supplyAsync(() -> tls.isPresent()
                    ? S3StoreStandIn.startHttps(certificate(tls.get().certificate()))
                    : S3StoreStandIn.startHttp(), starter);
            CompletableFuture<OnePasswordConnectEmulator> onePasswordStart = CompletableFuture.supplyAsync(
                    this::newOnePassword, starter);
            CompletableFuture<MockKubernetes> kubernetesStart = CompletableFuture.supplyAsync(() -> {
                MockKubernetes kube = MockKubernetes.start();
                try {
                    kube.installCrd(EmulatedKinds.secretStoreCrd());
                } catch (RuntimeException e) {
                    kube.close();
                    throw e;
                }
                return kube;
            }, starter);
            // wait for all three, so that whatever did start is remembered and stopped if another failed
            CompletableFuture.allOf(storeStart, onePasswordStart, kubernetesStart).handle((v, e) -> null).join();
            store = started(storeStart);
            onePassword = started(onePasswordStart);
            kubernetes = started(kubernetesStart);
            join(storeStart, "the S3 store");
            join(onePasswordStart, "the 1Password Connect emulator");
            join(kubernetesStart, "the Kubernetes stand-in");
        } finally {
            starter.shutdown();
        }
    }

    private <T extends AutoCloseable> T started(CompletableFuture<T> start) {
        return start.isCompletedExceptionally() ? null : remember(start.join());
    }

    private static void join(CompletableFuture<?> start, String what) {
        try {
            start.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new WorldException(what + " did not start: " + cause, cause);
        }
    }

    private void seedStore() {
        spec.store().buckets().forEach(store::createBucket);
        for (StoreUserSpec user : spec.store().users()) {
            if (user.keys().isPresent()) {
                store.addUser(user.name(), user.keys().get());
            } else {
                store.addUser(user.name());
            }
            if (user.suspended()) {
                store.suspend(user.name());
            }
        }
    }

    /** Story 2: MinIO's admin API in front of the store, with its root user. */
    private void startMinio() {
        spec.store().minio().ifPresent(m -> {
            Credential root = m.rootPassword().map(p -> Credential.of(m.rootUser(), p))
                    .orElseGet(() -> MinioStandIn.generatedRoot(m.rootUser()));
            minio = remember(MinioStandIn.start(store, root, clock));
        });
    }

    /** Stories 4 and 5: STS stand-ins, and the TokenRequest API answered with the cluster issuer's tokens. */
    private void startSts() {
        spec.sts().ifPresent(s -> {
            sts = remember(StsWorld.start(s, store, clock));
            kubernetes.issueServiceAccountTokens(sts::serviceAccountToken);
        });
    }

    /** A server certificate in the given state, for the names the world file asks for. */
    ServerCertificate certificate(TlsSpec.CertificateState state) {
        String[] names = spec.store().tls().orElseThrow().names().toArray(String[]::new);
        return switch (state) {
            case VALID -> ca.serverCertificate(names);
            case EXPIRED -> ca.expiredServerCertificate(names);
            case UNTRUSTED -> impostorCa().serverCertificate(names);
        };
    }

    private TestPki impostorCa() {
        if (impostorCa == null) {
            impostorCa = TestPki.newCa(ca.name() + "-impostor", clock);
        }
        return impostorCa;
    }

    private OnePasswordConnectEmulator newOnePassword() {
        String token = "sandbox-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return OnePasswordConnectEmulator.builder().token(token).clock(clock)
                .readAfterWriteLag(spec.readAfterWriteLag().map(ReadAfterWriteLag::forDuration)
                        .orElse(ReadAfterWriteLag.none()))
                .start();
    }

    private void seedOnePassword() {
        for (VaultSpec vault : spec.vaults()) {
            onePassword.createVault(vault.name());
            for (VaultSpec.Item item : vault.items()) {
                Map<String, String> fields = new LinkedHashMap<>();
                Map<String, Map<String, String>> sections = new LinkedHashMap<>();
                try {
                    item.fields().forEach((label, value) -> fields.put(label, value.resolve(this::placeholder)));
                    item.sections().forEach((section, sectionFields) -> {
                        Map<String, String> resolved = new LinkedHashMap<>();
                        sectionFields.forEach((label, value) -> resolved.put(label, value.resolve(this::placeholder)));
                        sections.put(section, resolved);
                    });
                } catch (IllegalArgumentException e) {
                    throw new WorldException(item.location() + ": 1Password item " + item.title() + ": "
                            + e.getMessage());
                }
                onePassword.putItem(vault.name(), item.title(), item.category(), fields, sections);
            }
        }
    }

    private void publishCa() {
        spec.store().tls().ifPresent(tls -> {
            for (TlsSpec.CaConfigMap target : tls.publishCa()) {
                client.configMaps().inNamespace(target.namespace()).resource(new ConfigMapBuilder()
                        .withNewMetadata().withNamespace(target.namespace()).withName(target.name()).endMetadata()
                        .addToData(target.key(), ca.caCertificatePem()).build()).createOr(existing -> existing.update());
            }
        });
    }

    /** SecretStores whose Connect token Secret the world file does not provide get the emulator's token. */
    private void provideConnectTokens() {
        for (GenericKubernetesResource store : client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inAnyNamespace().list().getItems()) {
            Map<String, Object> ref = store.get("spec", "provider", "onepassword", "auth", "secretRef",
                    "connectTokenSecretRef");
            if (ref == null || !(ref.get("name") instanceof String name) || !(ref.get("key") instanceof String key)) {
                continue;
            }
            String namespace = ref.get("namespace") instanceof String ns ? ns : store.getMetadata().getNamespace();
            if (client.secrets().inNamespace(namespace).withName(name).get() == null) {
                client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                        .withNamespace(namespace).withName(name).endMetadata()
                        .addToData(key, Base64.getEncoder().encodeToString(onePassword.token().reveal()
                                .getBytes(StandardCharsets.UTF_8)))
                        .build()).create();
                LOG.info("world {}: wrote the 1Password Connect token into Secret {}/{}", spec.name(), namespace,
                        name);
            }
        }
    }

    private StoreProbe consumerProbe() {
        StoreTrust trust = spec.store().tls()
                .map(tls -> StoreTrust.of(ca.caCertificate(), tls.serverName().orElse(null)))
                .orElse(StoreTrust.jvmDefault());
        return new S3ListProbe(store.endpoint(), trust, clock, Duration.ofSeconds(3));
    }

    private void watchBindings() {
        SharedIndexInformer<CredentialBinding> informer = client.resources(CredentialBinding.class).inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CredentialBinding binding) {
                        note(binding);
                    }

                    @Override
                    public void onUpdate(CredentialBinding oldBinding, CredentialBinding binding) {
                        note(binding);
                    }

                    @Override
                    public void onDelete(CredentialBinding binding, boolean unknown) {
                    }
                });
        remember((AutoCloseable) informer::close);
    }

    private void note(CredentialBinding binding) {
        if (binding.getStatus() != null && binding.getStatus().driftClass() != null
                && binding.getStatus().driftClass().wireName() != null) {
            driftClasses.record(clock.instant(), binding.bindingId(), binding.getStatus().driftClass().wireName(),
                    "status");
        }
    }

    private void settle(Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (clock.instant().isBefore(deadline)) {
            if (isSettled()) {
                settled = true;
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        settledAfter = Duration.between(startedAt, clock.instant());
    }

    private boolean isSettled() {
        for (GenericKubernetesResource es : client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inAnyNamespace().list().getItems()) {
            if (es.get("status", "conditions") == null) {
                return false;
            }
        }
        for (var set : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
            if (!WorkloadState.settled(this, set.getMetadata().getNamespace(), "StatefulSet",
                    set.getMetadata().getName())) {
                return false;
            }
        }
        for (var deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            if (!WorkloadState.settled(this, deployment.getMetadata().getNamespace(), "Deployment",
                    deployment.getMetadata().getName())) {
                return false;
            }
        }
        for (var set : client.apps().daemonSets().inAnyNamespace().list().getItems()) {
            if (!WorkloadState.settled(this, set.getMetadata().getNamespace(), "DaemonSet",
                    set.getMetadata().getName())) {
                return false;
            }
        }
        return true;
    }

    /** The value of a placeholder in this world, now. */
    Optional<String> placeholder(String name) {
        switch (name) {
            case "s3.endpoint":
                return Optional.of(store.endpoint().toString());
            case "s3.host":
                return Optional.of(store.endpoint().getHost());
            case "s3.port":
                return Optional.of(Integer.toString(store.port()));
            case "onepassword.url":
                return Optional.ofNullable(onePassword).map(op -> op.baseUri().toString());
            case "onepassword.token":
                return Optional.ofNullable(onePassword).map(op -> op.token().reveal());
            case "ca.pem":
                return Optional.ofNullable(ca).map(TestPki::caCertificatePem);
            case "sts.aws.endpoint":
                return Optional.ofNullable(sts).flatMap(StsWorld::awsEndpoint).map(URI::toString);
            case "sts.alibaba.endpoint":
                return Optional.ofNullable(sts).flatMap(StsWorld::alibabaEndpoint).map(URI::toString);
            case "minio.endpoint":
                return Optional.ofNullable(minio).map(m -> m.endpoint().toString());
            case "minio.rootUser":
                return Optional.ofNullable(minio).map(m -> m.root().accessKeyId());
            case "minio.rootPassword":
                return Optional.ofNullable(minio).map(m -> m.root().secret().reveal());
            default:
                break;
        }
        Optional<String> user = ValueTemplate.storeUserOf(name);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        List<Credential> keys;
        try {
            keys = store.keys(user.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Credential first = keys.get(0);
        return Optional.of(name.endsWith(".accessKeyId") ? first.accessKeyId() : first.secret().reveal());
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    // ---- what the app and tests use ----

    /** The world as written. */
    public WorldSpec spec() {
        return spec;
    }

    /** When {@link #start} began. */
    public Instant startedAt() {
        return startedAt;
    }

    private volatile Instant timelineStartedAt;

    /** When the story's timeline began, if it has: what happened before it (set-up, start-up) is not the story. */
    public Optional<Instant> timelineStartedAt() {
        return Optional.ofNullable(timelineStartedAt);
    }

    void timelineStarted(Instant at) {
        timelineStartedAt = at;
        ConnectFaultWindows.inject(onePassword, spec.onePasswordFaults(), at);
    }

    /** Whether the emulators settled within the settle timeout, and how long starting took. */
    public boolean settled() {
        return settled;
    }

    /** How long starting (including settling) took. */
    public Duration startDuration() {
        return settledAfter;
    }

    /** The Kubernetes stand-in. */
    public MockKubernetes kubernetes() {
        return kubernetes;
    }

    /** A client of the Kubernetes stand-in (the world's own; closed with it). */
    public KubernetesClient kubernetesClient() {
        return client;
    }

    /** The Kubernetes API URL, for {@code --keep-running}. */
    public String kubernetesUrl() {
        return kubernetes.url();
    }

    /** The S3 store. */
    public S3StoreStandIn store() {
        return store;
    }

    /** The MinIO admin API in front of the store, for worlds with {@code store.minio}. */
    public Optional<MinioStandIn> minio() {
        return Optional.ofNullable(minio);
    }

    /** The STS stand-ins, for worlds with {@code sts}. */
    public Optional<StsWorld> sts() {
        return Optional.ofNullable(sts);
    }

    /** The store's endpoint as consumers and Rook's Secrets see it. */
    public URI storeEndpoint() {
        return store.endpoint();
    }

    /** The world's private CA, for TLS worlds. */
    public Optional<TestPki> ca() {
        return Optional.ofNullable(ca);
    }

    /** The 1Password Connect emulator. */
    public OnePasswordConnectEmulator onePassword() {
        return onePassword;
    }

    /** The Connect server root, e.g. {@code http://127.0.0.1:41234}. */
    public URI onePasswordUrl() {
        return onePassword.baseUri();
    }

    /** The Connect token (also written into every SecretStore's token Secret the world file did not provide). */
    public SecretValue onePasswordToken() {
        return onePassword.token();
    }

    /**
     * The file holding the Connect token (in {@link #workDirectory()}, readable by this user only): what to show a
     * newcomer instead of the token, e.g. {@code curl -H "Authorization: Bearer $(cat <path>)"}.
     */
    public Path onePasswordTokenFile() {
        return onePasswordTokenFile;
    }

    /** The world's private work directory (deleted when the world closes), for files tools are pointed at. */
    public WorldDirectory workDirectory() {
        return directory;
    }

    /** The Kafka broker, if started or given. */
    public Optional<KafkaBroker> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** {@code bootstrap.servers} of the broker, if any. */
    public Optional<String> kafkaBootstrapServers() {
        return kafka().map(KafkaBroker::bootstrapServers);
    }

    /** The webhook sink for notifications, if started. */
    public Optional<WebhookSink> webhookSink() {
        return Optional.ofNullable(webhookSink);
    }

    /** The Rook emulator. */
    public RookEmulator rook() {
        return rook;
    }

    /** The ESO emulator. */
    public EsoEmulator eso() {
        return eso;
    }

    /** The workload emulator (pods' credentials and health, rollouts). */
    public WorkloadEmulator workloads() {
        return workloads;
    }

    /** Fingerprints with the options' key. */
    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    /** Drift classes seen so far. */
    public DriftClassLog driftClasses() {
        return driftClasses;
    }

    /** Records a drift class credrift reported (e.g. from an outcome event), for {@code driftClassSeen}. */
    public void recordDriftClass(String bindingId, String driftClass) {
        driftClasses.record(clock.instant(), bindingId, driftClass, "outcome");
    }

    /** The clock the world runs on. */
    public Clock clock() {
        return clock;
    }

    ObjectApplier applier() {
        return applier;
    }

    /** Stops everything started, last first; safe to call twice. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("world {}: stopping {} failed: {}", spec.name(), resource.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "World[" + spec.name() + "]";
    }
}
