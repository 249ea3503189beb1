package dev.credrift.watcher.observe;

import dev.credrift.watcher.resource.WorkloadRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only lookups in the watcher's caches. Observations are built from these alone, never from API calls, so that
 * building one is cheap and cannot block.
 */
public interface ClusterView {

    /** A Secret from whichever cache holds it (Rook-labelled, ESO-labelled, or watched by name). */
    Optional<Secret> secret(String namespace, String name);

    /** Which Secrets the caches hold, for a "not found" message: e.g. {@code Secrets labelled app=rook-ceph-rgw}. */
    String secretCoverage(String namespace, String name);

    /** Whether Secrets in {@code namespace} are watched at all (see {@code WatcherConfig.secretNamespaces}). */
    default boolean secretsWatchedIn(String namespace) {
        return true;
    }

    /** The namespaces Secrets are watched in; empty: all of them. */
    default Set<String> secretNamespaces() {
        return Set.of();
    }

    /** Whether the cluster serves ExternalSecrets (v1 or v1beta1). */
    boolean externalSecretsServed();

    Optional<GenericKubernetesResource> externalSecret(String namespace, String name);

    /** Whether the cluster serves CephObjectStoreUsers. */
    boolean rookUsersServed();

    Optional<GenericKubernetesResource> rookUser(String namespace, String name);

    /** Pods in {@code namespace} that read the Secret {@code secretName}. */
    List<Pod> podsReading(String namespace, String secretName);

    /** Pods owned by a workload. */
    List<Pod> podsOf(WorkloadRef workload);

    /** Whether the pods of {@code namespace} are cached yet (a binding's consumers cannot be judged before). */
    boolean podsSynced(String namespace);

    /** Whether a Secret that is watched by name is cached yet. */
    boolean namedSecretSynced(String namespace, String name);
}
