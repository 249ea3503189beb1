package dev.credrift.app.run;

import dev.credrift.app.KubeconfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files {@code credrift run --config} reads, written into a test's directory: a kubeconfig for one API server, a
 * 1Password Connect token, a fingerprint key and {@code credrift.yaml} naming them.
 */
public final class ConfigFiles {

    private final Path dir;

    public ConfigFiles(Path dir) {
        this.dir = dir;
    }

    /** A kubeconfig whose one cluster is {@code server}; the token is not checked by the mock or a closed port. */
    public Path kubeconfig(String server) {
        try {
            return KubeconfigFile.write(dir, server, "credrift");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path token(String token) {
        return write("token", token + "\n");
    }

    public Path fingerprintKey() {
        return write("fingerprint.key", "0123456789abcdef0123456789abcdef\n");
    }

    /** Every role's configuration; the watcher runs without leader election. */
    public Path config(String bootstrapServers, Path fingerprintKey, Path kubeconfig, URI onePassword, Path token) {
        return write("credrift.yaml", """
                kafka: {bootstrapServers: "%s", partitions: 1}
                fingerprintKeyFile: %s
                kubernetes: {kubeconfig: %s}
                onePassword: {url: "%s", tokenFile: %s}
                watcher: {leaderElection: false}
                """.formatted(bootstrapServers, fingerprintKey, kubeconfig, onePassword, token));
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
