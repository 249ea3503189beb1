package dev.credrift.sandbox.world;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.eso.EsoEmulator;
import dev.credrift.sandbox.emulate.rook.RookEmulator;
import dev.credrift.sandbox.emulate.workload.WorkloadEmulator;
import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import dev.credrift.sandbox.webhook.WebhookSink;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.WorldObject;
import dev.credrift.sandbox.world.spec.WorldSettings;
import dev.credrift.sandbox.world.spec.WorldSpec;
import dev.credrift.sandbox.world.store.WorldStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running world: the Kubernetes stand-in with the world's objects, the S3 store (the S3 stand-in, or a real Ceph
 * RGW with {@code store.backend: rgw}) with its users, the 1Password Connect emulator with its vaults, the Rook, ESO
 * and workload emulators driving them, and — if asked — a Kafka broker and a webhook sink. Everything listens on
 * 127.0.0.1 only.
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
    private final StartedResources started;
    private final DriftClassLog driftClasses = new DriftClassLog();
    private final Fingerprinter fingerprinter;
    private Instant startedAt;
    private Duration settledAfter;
    private boolean settled;
    private WorldCertificates certificates;
    private WorldStore store;
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
        this.started = new StartedResources(spec.name());
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
            throw e instanceof WorldException
                    ? e
                    : new WorldException("world " + spec.name() + " did not start: " + e, e);
        }
    }

    /** Start-up in order: servers, their seed state, the world's objects, the emulators, then settling. */
    private void boot() {
        startedAt = clock.instant();
        WorldSettings settings = spec.settings();
        directory = remember(WorldDirectory.create(spec.name()));
        certificates =
                spec.store().tls().map(tls -> new WorldCertificates(tls, clock)).orElse(null);
        WorldServers servers = WorldServers.start(spec, Optional.ofNullable(certificates), clock, started);
        store = servers.store();
        onePassword = servers.onePassword();
        kubernetes = servers.kubernetes();
        kubernetes.latency(options.kubeLatency());
        onePasswordTokenFile = directory.write(
                "onepassword.token", onePassword.token().reveal().getBytes(StandardCharsets.UTF_8));
        LOG.debug("world {}: store, 1Password Connect and Kubernetes up after {} ms", spec.name(), elapsedMillis());
        WorldSeeding.seedStore(spec.store(), store);
        startMinio();
        WorldSeeding.seedOnePassword(spec.vaults(), onePassword, this::placeholder);
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
        spec.store().tls().ifPresent(tls -> WorldSeeding.publishCa(client, tls, certificates.ca()));
        for (WorldObject object : spec.objects()) {
            applier.apply(object);
        }
        WorldSeeding.provideConnectTokens(client, onePassword.token(), spec.name());
        LOG.debug("world {}: objects applied after {} ms", spec.name(), elapsedMillis());

        WorldEmulators emulators = WorldEmulators.start(
                kubernetes,
                store,
                WorldEmulators.consumerProbe(spec, Optional.ofNullable(certificates), store, clock),
                settings,
                clock,
                started);
        rook = emulators.rook();
        eso = emulators.eso();
        workloads = emulators.workloads();
        remember(DriftClassWatch.start(client, driftClasses, clock));
        LOG.debug("world {}: emulators started after {} ms", spec.name(), elapsedMillis());
        settled = WorldSettling.await(this, settings.settleTimeout());
        settledAfter = Duration.between(startedAt, clock.instant());
        LOG.info(
                "world {} is up ({}settled after {} ms): Kubernetes at {}, S3 at {}, 1Password Connect at {}",
                spec.name(),
                settled ? "" : "NOT ",
                settledAfter.toMillis(),
                kubernetes.url(),
                store.endpoint(),
                onePassword.baseUri());
    }

    private long elapsedMillis() {
        return Duration.between(startedAt, clock.instant()).toMillis();
    }

    /** Story 2: MinIO's admin API in front of the store, with its root user. */
    private void startMinio() {
        spec.store().minio().ifPresent(m -> {
            Credential root = m.rootPassword()
                    .map(p -> Credential.of(m.rootUser(), p))
                    .orElseGet(() -> MinioStandIn.generatedRoot(m.rootUser()));
            minio = remember(MinioStandIn.start(store(), root, clock));
            m.serviceAccounts().forEach(minio::addServiceAccount);
        });
    }

    /** Stories 4 and 5: STS stand-ins, and the TokenRequest API answered with the cluster issuer's tokens. */
    private void startSts() {
        spec.sts().ifPresent(s -> {
            sts = remember(StsWorld.start(s, store(), clock));
            kubernetes.issueServiceAccountTokens(sts::serviceAccountToken);
        });
    }

    /** A server certificate in the given state, for the names the world file asks for (TLS worlds only). */
    ServerCertificate certificate(TlsSpec.CertificateState state) {
        return Optional.ofNullable(certificates).orElseThrow().certificate(state);
    }

    /** The value of a placeholder in this world, now. */
    Optional<String> placeholder(String name) {
        return WorldPlaceholders.resolve(this, name);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        return started.remember(resource);
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

    /**
     * The S3 stand-in serving the store, for what only it can do (certificates, MinIO, STS, judging a key without a
     * request).
     *
     * @throws IllegalStateException in a world whose store is a real Ceph RGW: use {@link #objectStore()}
     */
    public S3StoreStandIn store() {
        return store.standIn()
                .orElseThrow(() -> new IllegalStateException("world " + spec.name()
                        + ": the store is a real Ceph RGW, not the S3 stand-in; use objectStore()"));
    }

    /** The store, whichever serves it: endpoint, users and keys, suspension, buckets. */
    public WorldStore objectStore() {
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
        return Optional.ofNullable(certificates).map(WorldCertificates::ca);
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
        started.closeAll();
    }

    @Override
    public String toString() {
        return "World[" + spec.name() + "]";
    }
}
