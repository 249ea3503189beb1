package dev.credrift.watcher.cluster;

import dev.credrift.api.CredentialBinding;
import dev.credrift.watcher.observe.ClusterView;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.PodFacts;
import dev.credrift.watcher.resource.WorkloadRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The watcher's informers and their caches. Secrets are never watched unfiltered across the cluster: Rook's user
 * Secrets by label {@code app=rook-ceph-rgw}, ESO's targets by label {@code reconcile.external-secrets.io/managed},
 * any other Secret a binding names one by one (field selector on its name); pods only in namespaces that hold
 * bindings. With {@code secretNamespaces} set, the labelled Secrets are watched by one informer per listed namespace
 * instead of one across the cluster (a namespaced Role can grant that, a cluster-wide list cannot), and no Secret
 * outside those namespaces is watched at all. Bindings, ExternalSecrets and CephObjectStoreUsers are watched untyped,
 * so a malformed object cannot break an informer.
 *
 * <p>Every informer retries after failures ({@link InformerStarter}). Changes reach the {@link ChangeListener} on the
 * loop executor ({@link LoopHandlers}); starting and stopping informers happens on the blocking executor. Lookups
 * are thread-safe.
 */
public final class ClusterCaches implements ClusterView, AutoCloseable {

    public static final String ROOK_LABEL = "app";
    public static final String ROOK_LABEL_VALUE = "rook-ceph-rgw";
    public static final String ESO_LABEL = "reconcile.external-secrets.io/managed";
    public static final String ESO_LABEL_VALUE = "true";

    static final String SECRETS_INDEX = "credrift.dev/secrets-read";
    static final String WORKLOAD_INDEX = "credrift.dev/workload";

    private static final ResourceDefinitionContext BINDINGS = ApiDiscovery.context(
            CredentialBinding.GROUP, CredentialBinding.VERSION, CredentialBinding.KIND, CredentialBinding.PLURAL);

    private final KubernetesClient client;
    private final Executor loop;
    private final Executor blocking;
    private final ChangeListener listener;
    private final LoopHandlers handlers;
    private final InformerStarter starter;

    private volatile SharedIndexInformer<GenericKubernetesResource> bindings;
    private final Set<String> secretNamespaces;
    // the label-selected Secret informers: two across the cluster, or two per listed namespace
    private final List<SharedIndexInformer<Secret>> labelledSecrets = new CopyOnWriteArrayList<>();
    private volatile SharedIndexInformer<GenericKubernetesResource> externalSecrets;
    private volatile SharedIndexInformer<GenericKubernetesResource> rookUsers;
    private volatile String externalSecretVersion;
    private final Map<ObjectKey, SharedIndexInformer<Secret>> namedSecrets = new ConcurrentHashMap<>();
    private final Map<String, SharedIndexInformer<Pod>> pods = new ConcurrentHashMap<>();
    private final Map<SharedIndexInformer<?>, CompletableFuture<Void>> lateSyncs = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param loop     runs listener calls, one at a time, in order (the watch loop's context)
     * @param blocking runs informer starts and stops (a named worker executor)
     */
    public ClusterCaches(KubernetesClient client, Executor loop, Executor blocking, ChangeListener listener) {
        this(client, loop, blocking, listener, Set.of());
    }

    /**
     * @param secretNamespaces empty: Secrets in all namespaces; else only in these (see the class comment)
     */
    public ClusterCaches(
            KubernetesClient client,
            Executor loop,
            Executor blocking,
            ChangeListener listener,
            Set<String> secretNamespaces) {
        this.client = client;
        this.loop = loop;
        this.blocking = blocking;
        this.listener = listener;
        this.handlers = new LoopHandlers(loop, listener);
        this.starter = new InformerStarter(() -> closed);
        this.secretNamespaces = Set.copyOf(secretNamespaces);
    }

    /**
     * Starts the informers that do not depend on bindings: bindings, Rook and ESO Secrets, and the ExternalSecret
     * and CephObjectStoreUser APIs that are served. Completes when all have synced.
     */
    public CompletableFuture<Void> startStatic(
            Optional<ResourceDefinitionContext> externalSecretApi, Optional<ResourceDefinitionContext> rookUserApi) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            List<CompletableFuture<Void>> synced = new ArrayList<>();
                            bindings = client.genericKubernetesResources(BINDINGS)
                                    .inAnyNamespace()
                                    .runnableInformer(0);
                            synced.add(starter.start(
                                    bindings, "credentialbinding in all namespaces", handlers.bindings()));
                            for (String[] label :
                                    new String[][] {{ROOK_LABEL, ROOK_LABEL_VALUE}, {ESO_LABEL, ESO_LABEL_VALUE}}) {
                                if (secretNamespaces.isEmpty()) {
                                    SharedIndexInformer<Secret> informer = client.secrets()
                                            .inAnyNamespace()
                                            .withLabel(label[0], label[1])
                                            .runnableInformer(0);
                                    labelledSecrets.add(informer);
                                    synced.add(starter.start(
                                            informer,
                                            "secret " + label[0] + "=" + label[1] + " in all namespaces",
                                            handlers.secrets()));
                                }
                                for (String namespace : new TreeSet<>(secretNamespaces)) {
                                    SharedIndexInformer<Secret> informer = client.secrets()
                                            .inNamespace(namespace)
                                            .withLabel(label[0], label[1])
                                            .runnableInformer(0);
                                    labelledSecrets.add(informer);
                                    synced.add(starter.start(
                                            informer,
                                            "secret " + label[0] + "=" + label[1] + " in " + namespace,
                                            handlers.secrets()));
                                }
                            }
                            externalSecretApi.ifPresent(api -> synced.add(startExternalSecrets(api)));
                            rookUserApi.ifPresent(api -> synced.add(startRookUsers(api)));
                            return CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new));
                        },
                        blocking)
                .thenCompose(f -> f);
    }

    /** Starts the ExternalSecret informer for an API found later; completes when it synced. */
    public CompletableFuture<Void> startExternalSecretsLate(ResourceDefinitionContext api) {
        return CompletableFuture.supplyAsync(() -> startExternalSecrets(api), blocking)
                .thenCompose(f -> f);
    }

    /** Starts the CephObjectStoreUser informer for an API found later; completes when it synced. */
    public CompletableFuture<Void> startRookUsersLate(ResourceDefinitionContext api) {
        return CompletableFuture.supplyAsync(() -> startRookUsers(api), blocking)
                .thenCompose(f -> f);
    }

    /** Every binding in the cache. */
    public List<GenericKubernetesResource> bindings() {
        SharedIndexInformer<GenericKubernetesResource> informer = bindings;
        return informer == null ? List.of() : informer.getStore().list();
    }

    /**
     * Makes the set of per-namespace pod informers and per-name Secret informers match what the bindings need:
     * starts the missing, stops the unneeded. Completes when all of them (also those started by earlier calls) have
     * synced; each newly started one also tells the listener ({@link ChangeListener#lateInformerSynced()}).
     */
    public CompletableFuture<Void> reconcile(Set<String> namespaces, Set<ObjectKey> named) {
        List<SharedIndexInformer<?>> stopping = new ArrayList<>();
        for (String namespace : namespaces) {
            if (!pods.containsKey(namespace) && !closed) {
                SharedIndexInformer<Pod> informer =
                        client.pods().inNamespace(namespace).runnableInformer(0);
                informer.addIndexers(
                        Map.of(SECRETS_INDEX, PodFacts::secretIndexKeys, WORKLOAD_INDEX, PodFacts::workloadIndexKeys));
                pods.put(namespace, informer);
                startLate(informer, "pod " + namespace + "/*", handlers.pods());
            }
        }
        pods.entrySet().removeIf(e -> {
            boolean unneeded = !namespaces.contains(e.getKey());
            if (unneeded) {
                stopping.add(e.getValue());
            }
            return unneeded;
        });
        for (ObjectKey key : named) {
            if (!namedSecrets.containsKey(key) && key.legal() && secretsWatchedIn(key.namespace()) && !closed) {
                SharedIndexInformer<Secret> informer = client.secrets()
                        .inNamespace(key.namespace())
                        .withName(key.name())
                        .runnableInformer(0);
                namedSecrets.put(key, informer);
                startLate(informer, key.toString(), handlers.secrets());
            }
        }
        namedSecrets.entrySet().removeIf(e -> {
            boolean unneeded = !named.contains(e.getKey());
            if (unneeded) {
                stopping.add(e.getValue());
            }
            return unneeded;
        });
        if (!stopping.isEmpty()) {
            stopping.forEach(lateSyncs::remove);
            blocking.execute(() -> stopping.forEach(InformerStarter::stopQuietly));
        }
        return CompletableFuture.allOf(lateSyncs.values().toArray(CompletableFuture[]::new));
    }

    /** Whether every informer started so far has synced. */
    public boolean allSynced() {
        return all().stream().allMatch(i -> i == null || i.hasSynced());
    }

    /** How many informers run, for stats. */
    public int informerCount() {
        int statics = (int) List.of(
                        Optional.ofNullable(bindings),
                        Optional.ofNullable(externalSecrets),
                        Optional.ofNullable(rookUsers))
                .stream()
                .filter(Optional::isPresent)
                .count();
        return statics + labelledSecrets.size() + pods.size() + namedSecrets.size();
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        String key = namespace + "/" + name;
        SharedIndexInformer<Secret> named = namedSecrets.get(ObjectKey.secret(namespace, name));
        if (named != null && named.getStore().getByKey(key) != null) {
            return Optional.of(named.getStore().getByKey(key));
        }
        for (SharedIndexInformer<Secret> informer : labelledSecrets) {
            Secret secret = informer.getStore().getByKey(key);
            if (secret != null) {
                return Optional.of(secret);
            }
        }
        return Optional.empty();
    }

    @Override
    public String secretCoverage(String namespace, String name) {
        String labelled = "Secrets labelled " + ROOK_LABEL + "=" + ROOK_LABEL_VALUE + " or " + ESO_LABEL + "="
                + ESO_LABEL_VALUE
                + (secretNamespaces.isEmpty() ? "" : " in " + String.join(", ", new TreeSet<>(secretNamespaces)));
        return namedSecrets.containsKey(ObjectKey.secret(namespace, name))
                ? labelled + ", or watched by name"
                : labelled;
    }

    @Override
    public boolean secretsWatchedIn(String namespace) {
        return secretNamespaces.isEmpty() || secretNamespaces.contains(namespace);
    }

    @Override
    public Set<String> secretNamespaces() {
        return secretNamespaces;
    }

    @Override
    public boolean externalSecretsServed() {
        return externalSecrets != null;
    }

    /** The served ExternalSecret version ({@code v1} or {@code v1beta1}), if any. */
    public Optional<String> externalSecretVersion() {
        return Optional.ofNullable(externalSecretVersion);
    }

    @Override
    public Optional<GenericKubernetesResource> externalSecret(String namespace, String name) {
        SharedIndexInformer<GenericKubernetesResource> informer = externalSecrets;
        return informer == null
                ? Optional.empty()
                : Optional.ofNullable(informer.getStore().getByKey(namespace + "/" + name));
    }

    @Override
    public boolean rookUsersServed() {
        return rookUsers != null;
    }

    @Override
    public Optional<GenericKubernetesResource> rookUser(String namespace, String name) {
        SharedIndexInformer<GenericKubernetesResource> informer = rookUsers;
        return informer == null
                ? Optional.empty()
                : Optional.ofNullable(informer.getStore().getByKey(namespace + "/" + name));
    }

    @Override
    public List<Pod> podsReading(String namespace, String secretName) {
        SharedIndexInformer<Pod> informer = pods.get(namespace);
        return informer == null
                ? List.of()
                : informer.getIndexer().byIndex(SECRETS_INDEX, namespace + "/" + secretName);
    }

    @Override
    public List<Pod> podsOf(WorkloadRef workload) {
        SharedIndexInformer<Pod> informer = pods.get(workload.namespace());
        return informer == null ? List.of() : informer.getIndexer().byIndex(WORKLOAD_INDEX, workload.indexKey());
    }

    @Override
    public boolean podsSynced(String namespace) {
        SharedIndexInformer<Pod> informer = pods.get(namespace);
        return informer != null && informer.hasSynced();
    }

    @Override
    public boolean namedSecretSynced(String namespace, String name) {
        SharedIndexInformer<Secret> informer = namedSecrets.get(ObjectKey.secret(namespace, name));
        return informer != null && informer.hasSynced();
    }

    /** Stops every informer. Blocking; call it on the blocking executor. */
    @Override
    public void close() {
        closed = true;
        List<SharedIndexInformer<?>> all = all();
        pods.clear();
        namedSecrets.clear();
        labelledSecrets.clear();
        lateSyncs.clear();
        all.forEach(InformerStarter::stopQuietly);
    }

    private CompletableFuture<Void> startExternalSecrets(ResourceDefinitionContext api) {
        SharedIndexInformer<GenericKubernetesResource> informer =
                client.genericKubernetesResources(api).inAnyNamespace().runnableInformer(0);
        externalSecretVersion = api.getVersion();
        CompletableFuture<Void> synced = starter.start(
                informer,
                "externalsecret " + api.getGroup() + "/" + api.getVersion() + " in all namespaces",
                handlers.named(listener::externalSecretChanged));
        externalSecrets = informer;
        return synced;
    }

    private CompletableFuture<Void> startRookUsers(ResourceDefinitionContext api) {
        SharedIndexInformer<GenericKubernetesResource> informer =
                client.genericKubernetesResources(api).inAnyNamespace().runnableInformer(0);
        CompletableFuture<Void> synced = starter.start(
                informer, "cephobjectstoreuser in all namespaces", handlers.named(listener::rookUserChanged));
        rookUsers = informer;
        return synced;
    }

    private <T extends HasMetadata> CompletableFuture<Void> startLate(
            SharedIndexInformer<T> informer, String what, ResourceEventHandler<? super T> handler) {
        CompletableFuture<Void> synced = new CompletableFuture<>();
        lateSyncs.put(informer, synced);
        blocking.execute(() -> starter.start(informer, what, handler).whenComplete((v, e) -> {
            if (e == null) {
                loop.execute(listener::lateInformerSynced);
                synced.complete(null);
            } else {
                synced.completeExceptionally(e);
            }
        }));
        return synced;
    }

    /** Every informer started so far (a static one not started is null). */
    private List<SharedIndexInformer<?>> all() {
        List<SharedIndexInformer<?>> all = new ArrayList<>();
        all.add(bindings);
        all.addAll(labelledSecrets);
        all.add(externalSecrets);
        all.add(rookUsers);
        all.addAll(pods.values());
        all.addAll(namedSecrets.values());
        return all;
    }
}
