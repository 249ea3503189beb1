package dev.credrift.app.sandbox;

import dev.credrift.api.CredentialBinding;
import dev.credrift.sandbox.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files a user needs to explore a kept world with third-party tools, in a directory only they can read: a
 * kubeconfig for the world's {@code kubectl} front and the 1Password Connect token (the file's content is the only
 * place the token appears; nothing prints it).
 *
 * @param namespace the kubeconfig's default namespace: the first binding's, else {@code default}
 */
record ExploreFiles(Path directory, Path kubeconfig, Path connectTokenFile, String namespace) {

    static final String KUBECONFIG = "kubeconfig";
    static final String CONNECT_TOKEN = "onepassword-connect-token";

    /** Writes both files into a new private temporary directory. */
    static ExploreFiles write(World world) {
        try {
            Path directory = Files.createTempDirectory(
                    "credrift-sandbox-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String namespace =
                    world
                            .kubernetesClient()
                            .resources(CredentialBinding.class)
                            .inAnyNamespace()
                            .list()
                            .getItems()
                            .stream()
                            .map(b -> b.getMetadata().getNamespace())
                            .findFirst()
                            .orElse("default");
            Path kubeconfig = world.kubernetes().writeKubeconfig(directory.resolve(KUBECONFIG), namespace);
            Path token = Files.createFile(
                    directory.resolve(CONNECT_TOKEN),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(token, world.onePasswordToken().reveal());
            return new ExploreFiles(directory, kubeconfig, token, namespace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig and token files: " + e.getMessage(), e);
        }
    }

    /** Removes the directory and both files (on Ctrl-C: the world they point at is gone). */
    void delete() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: the directory is in the temp folder and readable by its owner only
        }
    }
}
