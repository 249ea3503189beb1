package dev.credrift.watcher.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;

/** What the caches tell the watch loop; always called on the loop's thread. */
public interface ChangeListener {

    /** A binding was added or changed ({@code before} null when added), or deleted ({@code after} null). */
    void bindingChanged(GenericKubernetesResource before, GenericKubernetesResource after);

    /** A cached Secret was added, changed or deleted. */
    void secretChanged(String namespace, String name);

    /** An ExternalSecret was added, changed or deleted. */
    void externalSecretChanged(String namespace, String name);

    /** A CephObjectStoreUser was added, changed or deleted. */
    void rookUserChanged(String namespace, String name);

    /** A pod in a watched namespace was added ({@code before} null), changed or deleted ({@code after} null). */
    void podChanged(Pod before, Pod after);

    /** An informer started after startup (a new namespace's pods, a Secret watched by name) has synced. */
    void lateInformerSynced();

    /** Convenience for Secrets. */
    default void secretChanged(Secret secret) {
        // a malformed watch event (an object without namespace or name) names nothing a binding could use
        if (secret != null
                && secret.getMetadata() != null
                && secret.getMetadata().getNamespace() != null
                && secret.getMetadata().getName() != null) {
            secretChanged(
                    secret.getMetadata().getNamespace(), secret.getMetadata().getName());
        }
    }
}
