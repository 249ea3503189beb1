package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;

/** The Kubernetes client of {@code credrift run}: a kubeconfig file if configured, else fabric8's own discovery. */
public final class KubernetesClients {

    private KubernetesClients() {}

    public static KubernetesClient create(CredriftConfig.Kubernetes settings) {
        Config config;
        if (settings.kubeconfig().isPresent()) {
            var path = settings.kubeconfig().get();
            String contents;
            try {
                contents = Files.readString(path);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("kubernetes.kubeconfig: cannot read " + path + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            try {
                config = Config.fromKubeconfig(settings.context().orElse(null), contents, path.toString());
            } catch (RuntimeException e) {
                // fabric8's messages may quote the kubeconfig, which holds tokens
                throw new IllegalArgumentException("kubernetes.kubeconfig: " + path + " is not a usable kubeconfig"
                        + settings.context().map(c -> " for context " + c).orElse("") + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        } else {
            config = Config.autoConfigure(settings.context().orElse(null));
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
