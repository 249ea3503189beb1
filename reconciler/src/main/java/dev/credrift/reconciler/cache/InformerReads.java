package dev.credrift.reconciler.cache;

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
import java.util.function.Predicate;

/**
 * {@link ClusterReads} from informer caches, one set of informers per namespace ({@link NamespaceInformers}),
 * started on first use. A lookup in a namespace whose informers have not synced yet waits for them (up to
 * {@code syncTimeout}, then fails like an API call, and the guard retries); afterwards every lookup is a map access.
 * Thread-safe.
 */
public final class InformerReads implements ClusterReads, AutoCloseable {

    private final KubernetesClient client;
    private final List<ResourceDefinitionContext> externalSecretVersions;
    private final Duration syncTimeout;
    private final Map<String, CompletableFuture<NamespaceInformers>> namespaces = new ConcurrentHashMap<>();
    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param externalSecretVersions the ExternalSecret APIs to watch, the first one served wins
     */
    public InformerReads(KubernetesClient client, List<ResourceDefinitionContext> externalSecretVersions,
            Duration syncTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.externalSecretVersions = List.copyOf(externalSecretVersions);
        this.syncTimeout = Objects.requireNonNull(syncTimeout, "syncTimeout");
    }

    /** Starts the informers of these namespaces (if not yet); completes when they have synced. */
    public CompletableFuture<Void> start(Collection<String> namespaceNames) {
        return CompletableFuture.allOf(namespaceNames.stream().distinct().map(this::informers)
                .toArray(CompletableFuture[]::new));
    }

    /** Wakes come on an informer thread, one event at a time. */
    @Override
    public AutoCloseable onChange(String namespace, Predicate<HasMetadata> relevant, Runnable wake) {
        Listener listener = new Listener(relevant, wake);
        Set<Listener> set = listeners.computeIfAbsent(namespace, n -> new CopyOnWriteArraySet<>());
        set.add(listener);
        return () -> set.remove(listener);
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
        informers.unownedPods().stream().filter(pod -> PodReading.selectedBy(pod, selector)).forEach(pods::add);
        return pods;
    }

    @Override
    public void close() {
        closed = true;
        namespaces.values().forEach(f -> f.thenAccept(NamespaceInformers::close));
    }

    private CompletableFuture<NamespaceInformers> informers(String namespace) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the informer caches are closed"));
        }
        CompletableFuture<NamespaceInformers> created = new CompletableFuture<>();
        CompletableFuture<NamespaceInformers> existing = namespaces.putIfAbsent(namespace, created);
        if (existing != null) {
            return existing;
        }
        NamespaceInformers.start(client, namespace, externalSecretVersions, this::changed).whenComplete((i, e) -> {
            if (e != null) {
                namespaces.remove(namespace, created); // the next lookup starts them again
                created.completeExceptionally(e);
            } else {
                created.complete(i);
            }
        });
        return created;
    }

    private NamespaceInformers synced(String namespace) {
        CompletableFuture<NamespaceInformers> informers = informers(namespace);
        try {
            return informers.get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheNotReady("interrupted while the caches of namespace " + namespace + " synced", e);
        } catch (TimeoutException e) {
            throw new CacheNotReady("the caches of namespace " + namespace + " did not sync within "
                    + syncTimeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new CacheNotReady("the caches of namespace " + namespace + " failed to start: "
                    + e.getCause().getClass().getSimpleName(), e.getCause());
        }
    }

    private void changed(HasMetadata object) {
        Set<Listener> set = object.getMetadata() == null ? null : listeners.get(object.getMetadata().getNamespace());
        if (set != null) {
            set.stream().filter(l -> l.relevant().test(object)).forEach(l -> l.wake().run());
        }
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

        CacheNotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
