package dev.credrift.reconciler.world;

import dev.credrift.events.BindingId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an assessment reads of the cluster, by key: each lookup costs what the binding's own objects cost, whatever
 * else the namespace holds. The reconciler serves it from informer caches ({@code cache.InformerReads}); the
 * {@link KubeGateway} serves it straight from the API server (the {@code check} command, and the reads that must
 * bypass every cache: the fresh look at the authority before a write). Blocking; thread-safe.
 */
public interface ClusterReads {

    /**
     * The CredentialBinding as stored (status included). From the caches it may lag a change by a watch event;
     * whoever acts on a change of spec or annotations is woken by the change itself ({@code InformerReads}).
     */
    Optional<GenericKubernetesResource> binding(BindingId id);

    Optional<Secret> secret(String namespace, String name);

    /** The ExternalSecret, v1 where served, else v1beta1. */
    Optional<GenericKubernetesResource> externalSecret(String namespace, String name);

    Optional<HasMetadata> workload(WorkloadRef ref);

    /** The pods of {@code namespace} whose spec reads Secret {@code secret} (env, envFrom, volumes). */
    List<Pod> podsReading(String namespace, String secret);

    /**
     * The pods {@code ref} owns (a Deployment through its ReplicaSets), and the pods nothing owns that its selector
     * selects.
     */
    List<Pod> podsOf(WorkloadRef ref, LabelSelector selector);

    /**
     * Calls {@code wake} (on any thread) whenever a pod, Secret, ExternalSecret or workload of {@code namespace} that
     * {@code relevant} accepts is added, changed or deleted, until the returned handle is closed. Reads without
     * events never call it: their readers look on timers.
     */
    default AutoCloseable onChange(String namespace, Predicate<HasMetadata> relevant, Runnable wake) {
        return () -> {};
    }
}
