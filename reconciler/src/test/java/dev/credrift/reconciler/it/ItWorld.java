package dev.credrift.reconciler.it;

import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.ConsumerRef;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.ExternalSecretRef;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.api.spec.Replica;
import dev.credrift.api.spec.Rollout;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.Source;
import dev.credrift.api.spec.Store;
import dev.credrift.api.spec.StoreTls;
import dev.credrift.api.spec.Vault;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.ReadBackPolicy;
import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.audit.AuditKey;
import dev.credrift.events.audit.AuditKeys;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.StepHook;
import dev.credrift.reconciler.probe.ProbeTimeouts;
import dev.credrift.reconciler.probe.Probing;
import dev.credrift.reconciler.resilience.GuardSettings;
import dev.credrift.reconciler.resilience.RetryPolicy;
import dev.credrift.reconciler.step.StepTimings;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.ObjectKey;
import dev.credrift.sandbox.emulate.RealTimeScheduler;
import dev.credrift.sandbox.emulate.eso.EsoEmulator;
import dev.credrift.sandbox.emulate.eso.SyncOutcome;
import dev.credrift.sandbox.emulate.workload.RunningPods;
import dev.credrift.sandbox.emulate.workload.WorkloadEmulator;
import dev.credrift.sandbox.emulate.workload.WorkloadRef;
import dev.credrift.sandbox.emulate.workload.WorkloadSettings;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.ServerCertificate;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One test world: Kafka topics of its own, a mock API server, an S3 store, a 1Password Connect emulator, the
 * sandbox's ESO (reading 1Password through ClusterSecretStore {@code onepassword}) and workload emulator (the
 * StatefulSet controller and kubelet; no store probe, so a started pod is ready unless a readiness fault says
 * otherwise), and story 1's objects (Rook user secret, 1Password item, ExternalSecret and replica, StatefulSet
 * {@code loki}, binding {@code monitoring/loki-s3}). Remembers every credential it plants, for the leak scans.
 */
final class ItWorld implements AutoCloseable {

    static final String NS = "monitoring";
    static final String ROOK_NS = "storage";
    static final String VAULT = "Infrastructure";
    static final String ITEM = "loki-s3-config";
    static final String ES = "loki-s3-credentials";
    static final String BUCKET = "loki-chunks";
    static final String USER = "loki";
    static final String BINDING = "loki-s3";
    /** Where ESO's Connect token lives, referenced by ClusterSecretStore {@code onepassword}. */
    static final String ESO_NS = "external-secrets";
    /** StatefulSets roll even while a pod is unready unless a test asks for the default, {@code OrderedReady}. */
    static final String PARALLEL = "Parallel";

    static final BindingId LOKI = BindingId.of(NS, BINDING);
    /** Loggers of the stand-ins: they play the world, which holds the secrets, so secret scans leave them out. */
    static final List<String> WORLD_SIDE = List.of("dev.credrift.sandbox", "org.gaul");

    static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("it-world-fingerprint-key-0123456789".getBytes(StandardCharsets.UTF_8));
    /** Every binding's labels: outcome events carry them for the notifier's label routes. */
    static final Map<String, String> LABELS = Map.of("team", "observability");
    /** The reconciler seals audit records with this key (separate from the fingerprint key). */
    static final AuditKeys AUDIT_KEYS = AuditKeys.of(
            AuditKey.of("it-world-audit-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), List.of());

    final KafkaBroker kafka;
    final MockKubernetes kube;
    final KubernetesClient client;
    final S3StoreStandIn store;
    final OnePasswordConnectEmulator onePassword;
    final EsoEmulator eso;
    private final RealTimeScheduler emulatorTicks = new RealTimeScheduler();
    private volatile Instant replicaSeeded = Instant.MAX;
    /** The StatefulSet controller and kubelet: replaces pods on a template change, counts rollouts. */
    final WorkloadEmulator workloads;

    final Vertx vertx;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ReconcilerBus bus;
    final Topics topics;
    final String group;
    final Path tokenFile;
    final List<Credential> planted = new CopyOnWriteArrayList<>();
    private final List<Reconciler> reconcilers = new CopyOnWriteArrayList<>();
    private boolean vaultCreated;
    private boolean esoStoreCreated;

    private ItWorld(KafkaBroker kafka, ServerCertificate https) throws Exception {
        this.kafka = kafka;
        this.kube = MockKubernetes.start();
        this.client = kube.client();
        this.store = https == null ? S3StoreStandIn.startHttp() : S3StoreStandIn.startHttps(https);
        this.store.createBucket(BUCKET);
        this.onePassword = OnePasswordConnectEmulator.start();
        this.eso = new EsoEmulator(kube.newClient(), Clock.systemUTC(), HttpClient.newHttpClient());
        this.eso.start(emulatorTicks, Duration.ofMillis(200));
        this.workloads = new WorkloadEmulator(
                kube.newClient(),
                Clock.systemUTC(),
                Optional.empty(),
                new WorkloadSettings(
                        Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        this.workloads.start(emulatorTicks);
        this.vertx = Vertx.vertx();
        this.bus = new ReconcilerBus(kafka);
        this.topics = bus.topics;
        this.group = bus.group;
        this.tokenFile = Files.createTempFile("connect-token", ".txt");
        Files.writeString(tokenFile, onePassword.token().reveal());
    }

    static ItWorld start(KafkaBroker kafka) throws Exception {
        return new ItWorld(kafka, null);
    }

    static ItWorld startHttps(KafkaBroker kafka, ServerCertificate certificate) throws Exception {
        return new ItWorld(kafka, certificate);
    }

    // ---- the reconciler ----

    ReconcilerConfig config() {
        return config(onePassword.baseUri(), tokenFile, bus);
    }

    /** The reconcilers' settings in the ITs: quick guards, short timings, the bus's topics and group. */
    static ReconcilerConfig config(URI onePasswordUri, Path tokenFile, ReconcilerBus bus) {
        ConnectClientConfig connect = ConnectClientConfig.of(onePasswordUri, tokenFile)
                .withReadBack(
                        new ReadBackPolicy(20, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10)));
        GuardSettings quick = GuardSettings.defaults()
                .withBackoff(3, Duration.ofMillis(100), Duration.ofSeconds(1))
                .withTimeLimit(Duration.ofSeconds(20));
        return ReconcilerConfig.defaults(FINGERPRINTER, connect)
                .withTopics(bus.topics)
                .withGroupId(bus.group)
                .withInstance("it")
                .withTimings(new StepTimings(Duration.ofSeconds(20), Duration.ofMillis(200), Duration.ofMinutes(10)))
                .withGuarding(new ReconcilerConfig.Guarding(quick, quick, quick))
                .withRetry(new RetryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5), 0.1, 6))
                .withProbing(new Probing(
                        new ProbeTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(8)),
                        Duration.ofSeconds(1)))
                .withConcurrency(new ReconcilerConfig.Concurrency(8, 8, 1000, Duration.ofMillis(200)))
                .withStartup(new ReconcilerConfig.Startup(Duration.ofSeconds(30), 1000))
                .withAuditKeys(AUDIT_KEYS);
    }

    Reconciler deploy() {
        return deploy(config());
    }

    Reconciler deploy(ReconcilerConfig config) {
        return deploy(config, kube.newClient());
    }

    /** With a client of the test's own (a User-Agent that tells its requests apart, say). */
    Reconciler deploy(ReconcilerConfig config, KubernetesClient reconcilersClient) {
        Reconciler reconciler =
                join(Reconciler.deploy(vertx, config, reconcilersClient, kafka.bootstrapServers(), registry)
                        .toCompletionStage()
                        .toCompletableFuture());
        reconcilers.add(reconciler);
        return reconciler;
    }

    Reconciler deploy(StepHook hook) {
        return deploy(config().withStepHook(hook));
    }

    void stop(Reconciler reconciler) {
        join(reconciler.stop().toCompletionStage().toCompletableFuture());
    }

    /** What the watcher would send: a nudge for the binding. */
    void nudge(BindingId id) {
        bus.nudge(id);
    }

    /** What the watcher would send: an observation of the binding's world. */
    void observe(EventPayload observation) {
        bus.observe(observation);
    }

    /** A record that is not a credrift event. */
    void sendGarbage(String key) {
        bus.sendGarbage(key);
    }

    // ---- reading the topics ----

    List<KafkaRecord> raw(Topic topic) {
        return bus.raw(topic);
    }

    List<CredriftEvent> events(Topic topic) {
        return bus.events(topic);
    }

    <T extends EventPayload> List<T> outcomes(Class<T> type) {
        return bus.outcomes(type);
    }

    List<AuditRecord> audit() {
        return bus.audit();
    }

    // ---- the world's objects ----

    /** Story 1, in sync: store user, Rook secret, vault item, ExternalSecret and replica, StatefulSet, binding. */
    Credential story1(UnaryOperator<SpecBuilder> binding) {
        return story1(binding, true, PARALLEL);
    }

    /** Story 1 with Loki's pod {@code ready} or not, its StatefulSet under {@code podManagementPolicy}. */
    Credential story1(UnaryOperator<SpecBuilder> binding, boolean ready, String podManagementPolicy) {
        Credential key = storeUser(USER);
        rookSecret(key);
        vaultItem(key);
        externalSecret(ES, "1h", null);
        replica(key);
        statefulSet("loki", 1, aSecondLater(), ready, podManagementPolicy);
        binding(BINDING, binding);
        return key;
    }

    /**
     * Many bindings on one story-1 chain (one Rook user, 1Password item and replica), each with a StatefulSet of its
     * own ({@code app-<i>}, bound by {@code b-<i>}) whose pod started 30 minutes ago, before the replica was
     * written: every one is {@code CONSUMERS_STALE}. More can be added later with {@link #bindingsWithOwnSet}.
     */
    List<BindingId> staleBindings(int count) {
        Credential key = storeUser(USER);
        rookSecret(key);
        vaultItem(key);
        externalSecret(ES, "1h", null);
        List<BindingId> bindings = bindingsWithOwnSet(0, count);
        replica(key);
        return bindings;
    }

    /** Bindings {@code b-<from>}… each naming its own one-pod StatefulSet {@code app-<i>}, started 30 minutes ago. */
    List<BindingId> bindingsWithOwnSet(int from, int count) {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(30));
        List<BindingId> bindings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String app = "app-" + i;
            statefulSet(app, 1, longAgo);
            binding("b-" + i, spec -> spec.consumers(List.of(new ConsumerRef(WorkloadKind.STATEFUL_SET, app))));
            bindings.add(BindingId.of(NS, "b-" + i));
        }
        return bindings;
    }

    /**
     * Now, once the wall clock has moved to the next whole second: pods "started" then are unambiguously younger than
     * what was written before (the API reports start times in whole seconds).
     */
    static Instant aSecondLater() {
        long second = Instant.now().getEpochSecond();
        await().atMost(3, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Instant.now().getEpochSecond() > second);
        return Instant.now();
    }

    Credential storeUser(String user) {
        return plant(store.addUser(user));
    }

    Credential rotate(String user) {
        return plant(store.rotate(user));
    }

    Credential plant(Credential credential) {
        planted.add(credential);
        return credential;
    }

    void rookSecret(Credential key) {
        client.secrets()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ROOK_NS)
                        .withName("rook-ceph-object-user-storage-" + USER)
                        .addToLabels("app", "rook-ceph-rgw")
                        .addToLabels("user", USER)
                        .addToLabels("rook_cluster", ROOK_NS)
                        .addToLabels("rook_object_store", "storage")
                        .endMetadata()
                        .withType("kubernetes.io/rook")
                        .addToData("AccessKey", b64(key.accessKeyId()))
                        .addToData("SecretKey", b64(key.secret().reveal()))
                        .addToData("Endpoint", b64(store.endpoint().toString()))
                        .build())
                .createOr(existing -> existing.update());
    }

    void vaultItem(Credential key) {
        if (!vaultCreated) {
            onePassword.createVault(VAULT);
            vaultCreated = true;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("access_key", key.accessKeyId());
        fields.put("secret_key", key.secret().reveal());
        onePassword.putItem(VAULT, ITEM, fields);
    }

    void externalSecret(String name, String refreshInterval, String refreshPolicy) {
        GenericKubernetesResource es = new GenericKubernetesResource();
        es.setApiVersion("external-secrets.io/v1");
        es.setKind("ExternalSecret");
        es.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("refreshInterval", refreshInterval);
        if (refreshPolicy != null) {
            spec.put("refreshPolicy", refreshPolicy);
        }
        spec.put("secretStoreRef", Map.of("kind", "ClusterSecretStore", "name", "onepassword"));
        spec.put("target", Map.of("name", name, "creationPolicy", "Owner"));
        spec.put(
                "data",
                List.of(
                        Map.of(
                                "secretKey",
                                "AWS_ACCESS_KEY_ID",
                                "remoteRef",
                                Map.of("key", ITEM, "property", "access_key")),
                        Map.of(
                                "secretKey",
                                "AWS_SECRET_ACCESS_KEY",
                                "remoteRef",
                                Map.of("key", ITEM, "property", "secret_key"))));
        es.setAdditionalProperty("spec", spec);
        if (!esoStoreCreated) {
            esoStore();
            esoStoreCreated = true;
        }
        client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .resource(es)
                .create();
        // ESO's first sync (or its failure) and its verdict on the store come before anything the test puts in place
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> !eso.history(new ObjectKey(NS, name)).isEmpty()
                        && client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                                        .withName("onepassword")
                                        .get()
                                        .get("status")
                                != null);
    }

    /** The replica as ESO wrote it when it last synced, from a vault that then held {@code key}. */
    void replica(Credential key) {
        Map<String, byte[]> fetched = new LinkedHashMap<>();
        fetched.put("AWS_ACCESS_KEY_ID", key.accessKeyId().getBytes(StandardCharsets.UTF_8));
        fetched.put("AWS_SECRET_ACCESS_KEY", key.secret().reveal().getBytes(StandardCharsets.UTF_8));
        eso.seedSync(new ObjectKey(NS, ES), fetched);
        replicaSeeded = Instant.now();
    }

    /** Someone edits the replica by hand: its data no longer matches ESO's data-hash, so ESO rewrites it if it can. */
    void replicaEditedByHand(Credential key) {
        client.secrets()
                .inNamespace(NS)
                .withName(ES)
                .edit(secret -> new SecretBuilder(secret)
                        .addToData("AWS_ACCESS_KEY_ID", b64(key.accessKeyId()))
                        .addToData("AWS_SECRET_ACCESS_KEY", b64(key.secret().reveal()))
                        .build());
    }

    /** ESO's Connect token stops working (revoked): from now on its syncs fail with SecretSyncedError. */
    void esoSyncsFail() {
        client.secrets()
                .inNamespace(ESO_NS)
                .withName("onepassword-connect-token")
                .edit(secret -> new SecretBuilder(secret)
                        .addToData("token", b64("a-revoked-connect-token"))
                        .build());
    }

    /** Waits until ESO reports {@code reason} on ExternalSecret {@code name}. */
    void awaitEsoReady(String name, String reason) {
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> eso.history(new ObjectKey(NS, name)).stream()
                        .reduce((first, second) -> second)
                        .filter(last -> reason.equals(
                                last instanceof SyncOutcome.Failed
                                        ? EsoEmulator.REASON_SYNCED_ERROR
                                        : EsoEmulator.REASON_SYNCED))
                        .isPresent());
    }

    /** How many times ESO fetched story 1's replica from 1Password since the test put the replica in place. */
    long esoSyncs() {
        return eso.history(new ObjectKey(NS, ES)).stream()
                .filter(o -> o instanceof SyncOutcome.Synced && o.at().isAfter(replicaSeeded))
                .count();
    }

    // ClusterSecretStore onepassword, which ESO reads the vault through with a Connect token of its own; made with
    // the first ExternalSecret, once the vault exists, so that ESO finds it valid at once
    private void esoStore() {
        client.secrets()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ESO_NS)
                        .withName("onepassword-connect-token")
                        .endMetadata()
                        .addToData("token", b64(onePassword.token().reveal()))
                        .build())
                .create();
        Map<String, Object> tokenRef = Map.of("name", "onepassword-connect-token", "key", "token", "namespace", ESO_NS);
        Map<String, Object> provider = Map.of(
                "connectHost",
                onePassword.baseUri().toString(),
                "vaults",
                Map.of(VAULT, 1),
                "auth",
                Map.of("secretRef", Map.of("connectTokenSecretRef", tokenRef)));
        client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("external-secrets.io/v1")
                        .withKind("ClusterSecretStore")
                        .withNewMetadata()
                        .withName("onepassword")
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of("provider", Map.of("onepassword", provider)))
                        .build())
                .create();
    }

    /** A StatefulSet reading the replica through env, with ready pods started at {@code started}. */
    StatefulSet statefulSet(String name, int replicas, Instant started) {
        return statefulSet(name, replicas, started, true, PARALLEL);
    }

    /**
     * A StatefulSet reading the replica through env, its pods started at {@code started}, {@code ready} or not ever
     * since. The pods are made first, as the set's controller made them then; the emulated controller adopts them
     * and the kubelet takes them over as they are. Returns the set once its status counts them.
     */
    StatefulSet statefulSet(String name, int replicas, Instant started, boolean ready, String podManagementPolicy) {
        StatefulSet set = new StatefulSetBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName(name)
                .withPodManagementPolicy(podManagementPolicy)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("loki")
                .withImage("grafana/loki:3.5")
                .addNewEnv()
                .withName("AWS_ACCESS_KEY_ID")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(ES)
                .withKey("AWS_ACCESS_KEY_ID")
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("AWS_SECRET_ACCESS_KEY")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(ES)
                .withKey("AWS_SECRET_ACCESS_KEY")
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        for (int i = 0; i < replicas; i++) {
            client.pods()
                    .resource(RunningPods.ofStatefulSet(set, i, started, ready))
                    .create();
        }
        client.apps().statefulSets().resource(set).create();
        workloads.syncOnce();
        return client.apps().statefulSets().inNamespace(NS).withName(name).get();
    }

    /** StatefulSet {@code name} in {@link #NS}, for the workload emulator. */
    static WorkloadRef set(String name) {
        return WorkloadRef.statefulSet(NS, name);
    }

    /** How many rollouts StatefulSet {@code name} went through: template changes its controller saw. */
    int rollouts(String name) {
        return workloads.rollouts(set(name));
    }

    /** Rollouts of every workload. */
    int totalRollouts() {
        return workloads.rolloutHistory().size();
    }

    void caConfigMap(String name, String pem) {
        client.configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name)
                        .endMetadata()
                        .addToData("ca.crt", pem)
                        .build())
                .createOr(existing -> existing.update());
    }

    CredentialBinding binding(String name, UnaryOperator<SpecBuilder> customizer) {
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName(name)
                .withLabels(LABELS)
                .build());
        binding.setSpec(customizer.apply(new SpecBuilder()).build());
        return client.resources(CredentialBinding.class).resource(binding).create();
    }

    /** What a human does to resume a halted binding: annotate it {@code credrift.dev/clear-halt}. */
    void clearHalt(String binding) {
        client.resources(CredentialBinding.class)
                .inNamespace(NS)
                .withName(binding)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"credrift.dev/clear-halt\":\"done\"}}}");
    }

    CredentialBindingStatus status(BindingId id) {
        CredentialBinding binding = client.resources(CredentialBinding.class)
                .inNamespace(id.namespace())
                .withName(id.name())
                .get();
        return binding == null || binding.getStatus() == null ? CredentialBindingStatus.EMPTY : binding.getStatus();
    }

    List<Event> kubeEvents() {
        return client.events().v1().events().inNamespace(NS).list().getItems();
    }

    Map<String, String> esAnnotations(String name) {
        Map<String, String> annotations = client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(name)
                .get()
                .getMetadata()
                .getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    /** See {@link ReconcilerBus#awaitCommitted()}. */
    void awaitCommitted() {
        bus.awaitCommitted();
    }

    /** Deploys a reconciler and waits until it has found {@code id} in sync and is idle. */
    Reconciler deployInSync(BindingId id) {
        Reconciler reconciler = deploy();
        nudge(id);
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> status(id)
                        .condition(ConditionType.IN_SYNC)
                        .filter(c -> c.isTrue())
                        .isPresent());
        awaitIdle(reconciler);
        return reconciler;
    }

    /**
     * Story 1's drift: RGW regenerates the user's keys, Rook writes them to its secret, nobody tells 1Password; waits
     * until {@code reconciler} has healed it and is idle. Returns the rotated key.
     */
    Credential rotateAndHeal(Reconciler reconciler) {
        Credential rotated = rotate(USER);
        rookSecret(rotated);
        nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !outcomes(RemediationSucceeded.class).isEmpty());
        awaitIdle(reconciler);
        return rotated;
    }

    /** Waits until the reconciler has nothing in flight (every nudge handled and durable). */
    void awaitIdle(Reconciler reconciler) {
        await().atMost(60, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> reconciler.stats().recordsInFlight() == 0
                        && reconciler.stats().bindingsBusy() == 0);
    }

    @Override
    public void close() throws java.io.IOException {
        for (Reconciler reconciler : reconcilers) {
            try {
                stop(reconciler);
            } catch (RuntimeException e) {
                // already stopped
            }
        }
        bus.close();
        eso.close();
        workloads.close();
        emulatorTicks.close();
        join(vertx.close().toCompletionStage().toCompletableFuture());
        onePassword.close();
        store.close();
        kube.close();
        Files.deleteIfExists(tokenFile);
    }

    static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static <T> T join(java.util.concurrent.Future<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("waited in vain: " + e, e);
        }
    }

    /** Story 1's spec, changed field by field. */
    static final class SpecBuilder {
        Mode mode = Mode.REMEDIATE;
        Authority authority = Authority.SOURCE;
        String endpoint;
        StoreTls tls;
        List<ConsumerRef> consumers = List.of();
        int maxPerHour = 3;
        String readinessTimeout = "20s";
        String externalSecret = ES;

        SpecBuilder mode(Mode value) {
            mode = value;
            return this;
        }

        SpecBuilder authority(Authority value) {
            authority = value;
            return this;
        }

        SpecBuilder endpoint(String value) {
            endpoint = value;
            return this;
        }

        SpecBuilder tls(StoreTls value) {
            tls = value;
            return this;
        }

        SpecBuilder consumers(List<ConsumerRef> value) {
            consumers = value;
            return this;
        }

        SpecBuilder maxPerHour(int value) {
            maxPerHour = value;
            return this;
        }

        SpecBuilder readinessTimeout(String value) {
            readinessTimeout = value;
            return this;
        }

        SpecBuilder externalSecret(String value) {
            externalSecret = value;
            return this;
        }

        CredentialBindingSpec build() {
            return new CredentialBindingSpec(
                    mode,
                    authority,
                    Source.of(new RookObjectUserSource(ROOK_NS, "storage", USER)),
                    new Vault(
                            new OnePasswordItem(VAULT, ITEM, new OnePasswordFields("access_key", "secret_key"), null)),
                    new Replica(new ExternalSecretRef(externalSecret)),
                    consumers,
                    new Store(endpoint, BUCKET, null, null, tls),
                    new Rollout(maxPerHour, readinessTimeout));
        }
    }

    /** Every form a planted credential could leak in: each key id and secret, as is and base64-encoded. */
    static Set<String> forms(List<Credential> credentials) {
        Set<String> forms = new java.util.HashSet<>();
        for (String value : secretsOf(credentials)) {
            forms.add(value);
            forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return forms;
    }

    static Set<String> secretsOf(List<Credential> credentials) {
        Set<String> values = new java.util.HashSet<>();
        for (Credential c : credentials) {
            values.add(c.accessKeyId());
            values.add(c.secret().reveal());
        }
        return values;
    }
}
