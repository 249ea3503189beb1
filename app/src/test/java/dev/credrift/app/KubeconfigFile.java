package dev.credrift.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file pointing at a test API server (the mock checks no token). */
public final class KubeconfigFile {

    private KubeconfigFile() {}

    /** Writes {@code dir/kubeconfig} for {@code server}, default namespace {@code namespace}. */
    public static Path write(Path dir, String server, String namespace) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: {server: "%s"}
                users:
                  - name: credrift
                    user: {token: not-checked-by-the-mock}
                contexts:
                  - name: mock
                    context: {cluster: mock, user: credrift, namespace: %s}
                current-context: mock
                """.formatted(server, namespace));
    }
}
