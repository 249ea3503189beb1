package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/** One Kubernetes client per process, created only if a role asks for it, closed with the process. */
public final class LazyKubernetesClient implements Supplier<KubernetesClient>, AutoCloseable {

    private final Supplier<KubernetesClient> factory;
    private KubernetesClient client;
    private boolean closed;

    public LazyKubernetesClient(Supplier<KubernetesClient> factory) {
        this.factory = factory;
    }

    public static LazyKubernetesClient of(CredriftConfig.Kubernetes settings) {
        return new LazyKubernetesClient(() -> KubernetesClients.create(settings));
    }

    @Override
    public synchronized KubernetesClient get() {
        if (closed) {
            throw new IllegalStateException("the Kubernetes client is closed");
        }
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
