package dev.credrift.reconciler.cache;

import dev.credrift.events.BindingId;
import dev.credrift.reconciler.world.ClusterReads;
import dev.credrift.reconciler.world.PodReading;
import dev.credrift.reconciler.world.WorkloadRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@link ClusterReads} from informer caches, one set of informers per namespace ({@link NamespaceInformers}),
 * started on first use. A lookup in a namespace whose informers have not synced yet waits for them briefly (up to
 * {@code lookupWait}, then fails with {@link CacheNotReady}, which the guard retries after a backoff); afterwards
 * every lookup is a map access. Thread-safe.
 */
public final class InformerReads implements ClusterReads, AutoCloseable {

    /**
     * How long a lookup waits for its namespace's caches to sync. Short: the lookup holds a worker thread while it
     * waits, and the guard's time limiter (30 s) does not interrupt it, so a namespace that never syncs (no RBAC
     * there) would otherwise tie up most workers; failing fast with {@link CacheNotReady} lets the guard retry later.
     */
    public static final Duration LOOKUP_WAIT = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final List<ResourceDefinitionContext> externalSecretVersions;
    private final Duration lookupWait;
    private final Map<String, NamespaceInformers> namespaces = new ConcurrentHashMap<>();
    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<Consumer<BindingId>> bindingListeners = new CopyOnWriteArraySet<>();
    private volatile boolean closed;

    /**
     * @param externalSecretVersions the ExternalSecret APIs to watch, the first one served wins
     * @param lookupWait how long a lookup waits for its namespace's caches to sync ({@link #LOOKUP_WAIT})
     */
    public InformerReads(
            KubernetesClient client, List<ResourceDefinitionContext> externalSecretVersions, Duration lookupWait) {
        this.client = Objects.requireNonNull(client, "client");
        this.externalSecretVersions = List.copyOf(externalSecretVersions);
        this.lookupWait = Objects.requireNonNull(lookupWait, "lookupWait");
    }

    /**
     * Starts the informers of these namespaces (if not yet); the returned future completes when they have synced.
     * Blocks for API discovery: call on a worker.
     */
    public CompletableFuture<Void> start(Collection<String> namespaceNames) {
        return CompletableFuture.allOf(
                namespaceNames.stream().distinct().map(this::informers).toArray(CompletableFuture[]::new));
    }

    /** Wakes come on an informer thread, one event at a time. */
    @Override
    public AutoCloseable onChange(String namespace, Predicate<HasMetadata> relevant, Runnable wake) {
        Listener listener = new Listener(relevant, wake);
        Set<Listener> set = listeners.computeIfAbsent(namespace, n -> new CopyOnWriteArraySet<>());
        set.add(listener);
        return () -> set.remove(listener);
    }

    /**
     * Calls {@code changed} (on an informer thread) with every binding of a watched namespace that is deleted or whose
     * spec or annotations change (never for status updates): a handling that read the binding from the cache just
     * before the change saw it lag, and this makes it look again.
     */
    public AutoCloseable onBindingChange(Consumer<BindingId> changed) {
        Consumer<BindingId> listener = changed::accept; // a new identity per subscription
        bindingListeners.add(listener);
        return () -> bindingListeners.remove(listener);
    }

    @Override
    public Optional<GenericKubernetesResource> binding(BindingId id) {
        return synced(id.namespace()).binding(id.name());
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return synced(namespace).secret(name);
    }

    @Override
    public Optional<GenericKubernetesResource> externalSecret(String namespace, String name) {
        return synced(namespace).externalSecret(name);
    }

    @Override
    public Optional<HasMetadata> workload(WorkloadRef ref) {
        return synced(ref.namespace()).workload(ref);
    }

    @Override
    public List<Pod> podsReading(String namespace, String secret) {
        return synced(namespace).podsReading(secret);
    }

    @Override
    public List<Pod> podsOf(WorkloadRef ref, LabelSelector selector) {
        NamespaceInformers informers = synced(ref.namespace());
        List<Pod> pods = new ArrayList<>(informers.podsOwnedBy(ref));
        informers.unownedPods().stream()
                .filter(pod -> PodReading.selectedBy(pod, selector))
                .forEach(pods::add);
        return pods;
    }

    @Override
    public void close() {
        closed = true;
        // synced or not: a namespace that never syncs (no RBAC there) still has informers retrying their lists
        namespaces.values().forEach(NamespaceInformers::close);
    }

    /** Whether an informer of the namespace runs (syncing or synced); for tests. */
    boolean running(String namespace) {
        NamespaceInformers informers = namespaces.get(namespace);
        return informers != null && informers.running();
    }

    private CompletableFuture<NamespaceInformers> informers(String namespace) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the informer caches are closed"));
        }
        NamespaceInformers existing = namespaces.get(namespace);
        if (existing != null) {
            return existing.synced().thenApply(v -> existing);
        }
        NamespaceInformers created = new NamespaceInformers(client, namespace);
        NamespaceInformers raced = namespaces.putIfAbsent(namespace, created);
        if (raced != null) {
            return raced.synced().thenApply(v -> raced);
        }
        created.synced().whenComplete((v, e) -> {
            if (e != null) {
                namespaces.remove(namespace, created); // the next lookup starts them again
            }
        });
        if (closed) {
            created.close(); // closed while this one was being added: close() may not have seen it
        }
        created.start(client, externalSecretVersions, this::changed, this::bindingChanged);
        return created.synced().thenApply(v -> created);
    }

    private NamespaceInformers synced(String namespace) {
        CompletableFuture<NamespaceInformers> informers = informers(namespace);
        try {
            return informers.get(lookupWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheNotReady("interrupted while the caches of namespace " + namespace + " synced", e);
        } catch (TimeoutException e) {
            throw new CacheNotReady("the caches of namespace " + namespace + " have not synced yet", e);
        } catch (ExecutionException e) {
            throw new CacheNotReady(
                    "the caches of namespace " + namespace + " failed to start: "
                            + e.getCause().getClass().getSimpleName(),
                    e.getCause());
        }
    }

    private void changed(HasMetadata object) {
        Set<Listener> set = object.getMetadata() == null
                ? null
                : listeners.get(object.getMetadata().getNamespace());
        if (set != null) {
            set.stream()
                    .filter(l -> l.relevant().test(object))
                    .forEach(l -> l.wake().run());
        }
    }

    private void bindingChanged(HasMetadata binding) {
        if (binding.getMetadata() == null
                || binding.getMetadata().getNamespace() == null
                || binding.getMetadata().getName() == null) {
            return;
        }
        BindingId id = BindingId.of(
                binding.getMetadata().getNamespace(), binding.getMetadata().getName());
        bindingListeners.forEach(l -> l.accept(id));
    }

    // identity, not value, equality: the same predicate and wake may be subscribed twice
    private static final class Listener {
        private final Predicate<HasMetadata> relevant;
        private final Runnable wake;

        Listener(Predicate<HasMetadata> relevant, Runnable wake) {
            this.relevant = relevant;
            this.wake = wake;
        }

        Predicate<HasMetadata> relevant() {
            return relevant;
        }

        Runnable wake() {
            return wake;
        }
    }

    /** The caches a lookup needs are not (yet) synced; retried like an API failure. */
    public static final class CacheNotReady extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CacheNotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
