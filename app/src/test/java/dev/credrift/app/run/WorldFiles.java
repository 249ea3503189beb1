package dev.credrift.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a test writes for {@code credrift run} / {@code check} against a mock API server. */
public final class WorldFiles {

    private WorldFiles() {
    }

    /** A kubeconfig with one context: {@code server}, a token the mock API server does not check, {@code namespace}. */
    public static Path kubeconfig(Path dir, String server, String namespace) throws IOException {
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
