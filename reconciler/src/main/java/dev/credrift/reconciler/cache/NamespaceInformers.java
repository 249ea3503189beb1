package dev.credrift.reconciler.cache;

import dev.credrift.api.status.ConditionType;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.WorkloadRef;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one namespace. Started once, read by key or index from any thread. ExternalSecrets are watched
 * in the first version API discovery says is served ({@code v1}, else {@code v1beta1}).
 */
final class NamespaceInformers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceInformers.class);
    private static final int NOT_SERVED = 404;

    private final String namespace;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Secret> secrets;
    private final SharedIndexInformer<? extends HasMetadata> deployments;
    private final SharedIndexInformer<? extends HasMetadata> statefulSets;
    private final SharedIndexInformer<? extends HasMetadata> daemonSets;
    private final SharedIndexInformer<GenericKubernetesResource> bindings;
    private final CompletableFuture<Void> synced = new CompletableFuture<>();
    private volatile SharedIndexInformer<GenericKubernetesResource> externalSecrets;
    private volatile boolean closed;

    /** Builds the informers without starting them (no I/O). */
    NamespaceInformers(KubernetesClient client, String namespace) {
        this.namespace = namespace;
        this.pods = client.pods().inNamespace(namespace).runnableInformer(0);
        this.pods.addIndexers(
                Map.of(PodIndexes.SECRETS_READ, PodIndexes::secretsRead, PodIndexes.OWNER, PodIndexes::owner));
        this.secrets = client.secrets().inNamespace(namespace).runnableInformer(0);
        this.deployments = client.apps().deployments().inNamespace(namespace).runnableInformer(0);
        this.statefulSets = client.apps().statefulSets().inNamespace(namespace).runnableInformer(0);
        this.daemonSets = client.apps().daemonSets().inNamespace(namespace).runnableInformer(0);
        this.bindings = client.genericKubernetesResources(KubeGateway.BINDINGS)
                .inNamespace(namespace)
                .runnableInformer(0);
    }

    /**
     * Starts every informer (discovery of the ExternalSecret version blocks: call on a worker); {@link #synced()}
     * completes when all have synced. A failure to start closes them. Once only; not after {@link #close()}.
     *
     * @param changed        told every object added, updated (its new state) or deleted (on an informer thread),
     *                       CredentialBindings excepted
     * @param bindingsChanged told every CredentialBinding whose spec (generation) or annotations changed, and every
     *                        one deleted; not status updates, not additions (on an informer thread)
     */
    synchronized void start(
            KubernetesClient client,
            List<ResourceDefinitionContext> externalSecretVersions,
            Consumer<HasMetadata> changed,
            Consumer<HasMetadata> bindingsChanged) {
        if (closed) {
            synced.completeExceptionally(new IllegalStateException("the informers of " + namespace + " are closed"));
            return;
        }
        ResourceEventHandler<HasMetadata> handler = new Changes(changed);
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (SharedIndexInformer<? extends HasMetadata> informer :
                List.of(pods, secrets, deployments, statefulSets, daemonSets)) {
            started.add(start(informer, informer.getApiTypeClass().getSimpleName(), handler));
        }
        started.add(start(bindings, "CredentialBinding", new BindingChanges(bindingsChanged)));
        try {
            started.add(startExternalSecrets(client, externalSecretVersions, handler));
        } catch (KubernetesClientException e) {
            started.add(CompletableFuture.failedFuture(e));
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).whenComplete((v, failure) -> {
            if (failure != null) {
                close();
                synced.completeExceptionally(failure);
            } else {
                synced.complete(null);
            }
        });
    }

    /** Completes when every informer has synced; fails if one failed to start. */
    CompletableFuture<Void> synced() {
        return synced;
    }

    Optional<Secret> secret(String name) {
        return Optional.ofNullable(secrets.getIndexer().getByKey(key(name)));
    }

    Optional<GenericKubernetesResource> binding(String name) {
        return Optional.ofNullable(bindings.getIndexer().getByKey(key(name)));
    }

    Optional<GenericKubernetesResource> externalSecret(String name) {
        SharedIndexInformer<GenericKubernetesResource> informer = externalSecrets;
        return informer == null
                ? Optional.empty()
                : Optional.ofNullable(informer.getIndexer().getByKey(key(name)));
    }

    Optional<HasMetadata> workload(WorkloadRef ref) {
        SharedIndexInformer<? extends HasMetadata> informer = switch (ref.kind()) {
            case DEPLOYMENT -> deployments;
            case STATEFUL_SET -> statefulSets;
            case DAEMON_SET -> daemonSets;
            case UNRECOGNIZED -> null;
        };
        return informer == null
                ? Optional.empty()
                : Optional.ofNullable(informer.getIndexer().getByKey(key(ref.name())));
    }

    List<Pod> podsReading(String secret) {
        return pods.getIndexer().byIndex(PodIndexes.SECRETS_READ, secret);
    }

    List<Pod> podsOwnedBy(WorkloadRef ref) {
        return pods.getIndexer().byIndex(PodIndexes.OWNER, ref.describe());
    }

    List<Pod> unownedPods() {
        return pods.getIndexer().byIndex(PodIndexes.OWNER, PodIndexes.UNOWNED);
    }

    /** Whether any informer runs (syncing or synced). */
    boolean running() {
        SharedIndexInformer<GenericKubernetesResource> es = externalSecrets;
        return pods.isRunning()
                || secrets.isRunning()
                || deployments.isRunning()
                || statefulSets.isRunning()
                || daemonSets.isRunning()
                || bindings.isRunning()
                || es != null && es.isRunning();
    }

    // synchronized with start: informers started after a close would never be stopped
    @Override
    public synchronized void close() {
        closed = true;
        for (SharedIndexInformer<?> informer :
                List.of(pods, secrets, deployments, statefulSets, daemonSets, bindings)) {
            informer.stop();
        }
        SharedIndexInformer<GenericKubernetesResource> es = externalSecrets;
        if (es != null) {
            es.stop();
        }
    }

    private String key(String name) {
        return namespace + "/" + name;
    }

    // API discovery, as kubectl and the watcher's ApiDiscovery do: a list of a version that is not served is not a
    // reliable 404 everywhere (the mock API server answers it), a discovery document is
    private CompletableFuture<Void> startExternalSecrets(
            KubernetesClient client,
            List<ResourceDefinitionContext> versions,
            ResourceEventHandler<HasMetadata> handler) {
        for (ResourceDefinitionContext version : versions) {
            if (serves(client, version)) {
                SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(version)
                        .inNamespace(namespace)
                        .runnableInformer(0);
                externalSecrets = informer;
                return start(informer, "ExternalSecret", handler);
            }
        }
        LOG.warn(
                "Watch(ExternalSecret in {}): no ExternalSecret version is served; replicas read as missing",
                namespace);
        return CompletableFuture.completedFuture(null);
    }

    private static boolean serves(KubernetesClient client, ResourceDefinitionContext version) {
        APIResourceList list;
        try {
            list = client.getApiResources(version.getGroup() + "/" + version.getVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() == NOT_SERVED) {
                return false;
            }
            throw e; // the namespace's caches fail to start, and the next lookup tries again
        }
        return list != null
                && list.getResources() != null
                && list.getResources().stream().map(APIResource::getName).anyMatch(version.getPlural()::equals);
    }

    private <T extends HasMetadata> CompletableFuture<Void> start(
            SharedIndexInformer<T> informer, String kind, ResourceEventHandler<? super T> handler) {
        informer.addEventHandler(handler);
        informer.exceptionHandler((started, failure) -> {
            if (closed) {
                return false;
            }
            LOG.warn(
                    "Watch({} in {}): {} failed, retrying: {}",
                    kind,
                    namespace,
                    started ? "watch" : "list",
                    unwrap(failure).getClass().getSimpleName());
            return true;
        });
        return informer.start().toCompletableFuture();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * A binding deleted, or whose generation or annotations changed: what a handling reads of it; or whose status
     * lost credrift's report. Other status updates (credrift's own writes, mostly) are left out, so that they wake
     * nothing; so are additions (the initial list
     * adds every binding, and a binding the cache does not know yet is read from the API server).
     */
    private record BindingChanges(Consumer<HasMetadata> changed) implements ResourceEventHandler<HasMetadata> {

        @Override
        public void onAdd(HasMetadata binding) {
            // see above: not a lag a handling could have read
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata after) {
            if (!Objects.equals(
                            before.getMetadata().getGeneration(),
                            after.getMetadata().getGeneration())
                    || !Objects.equals(
                            before.getMetadata().getAnnotations(),
                            after.getMetadata().getAnnotations())
                    || reportsInSync(before) && !reportsInSync(after)) {
                changed.accept(after);
            }
        }

        // a status writer that read the binding before credrift's first status write replaced the whole status (the
        // watcher's Valid condition on a binding without status): credrift's report is gone, so it reports again
        private static boolean reportsInSync(HasMetadata binding) {
            return binding instanceof GenericKubernetesResource raw
                    && raw.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                    && status.get("conditions") instanceof List<?> conditions
                    && conditions.stream()
                            .anyMatch(c -> c instanceof Map<?, ?> condition
                                    && ConditionType.IN_SYNC.wireName().equals(condition.get("type")));
        }

        @Override
        public void onDelete(HasMetadata binding, boolean finalStateUnknown) {
            changed.accept(binding);
        }
    }

    /** Any add, update or delete: the object that changed. */
    private record Changes(Consumer<HasMetadata> changed) implements ResourceEventHandler<HasMetadata> {

        @Override
        public void onAdd(HasMetadata object) {
            changed.accept(object);
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata after) {
            changed.accept(after);
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
            changed.accept(object);
        }
    }
}
