package dev.credrift.sandbox.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A world's work directory: private to this user ({@code rwx------}), its files {@code rw-------}, deleted with the
 * world. Files a newcomer's tools read (the Connect token, a kubeconfig) are written here and shown by path, never by
 * value.
 */
public final class WorldDirectory implements AutoCloseable {

    private final Path path;

    private WorldDirectory(Path path) {
        this.path = path;
    }

    /** A new private directory under the system's temp directory, named after the world. */
    public static WorldDirectory create(String worldName) {
        String prefix = "credrift-world-" + worldName + "-";
        try {
            try {
                return new WorldDirectory(Files.createTempDirectory(
                        prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
            } catch (UnsupportedOperationException e) {
                return new WorldDirectory(Files.createTempDirectory(prefix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory of world " + worldName, e);
        }
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** Writes (or replaces) {@code name} with {@code content}, readable by this user only; returns its path. */
    public Path write(String name, byte[] content) {
        Path file = path.resolve(name);
        try {
            Files.write(file, content);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory is this user's alone anyway
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temp directory left behind holds only this world's throwaway files
        }
    }
}
