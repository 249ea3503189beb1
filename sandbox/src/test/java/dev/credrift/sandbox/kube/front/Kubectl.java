package dev.credrift.sandbox.kube.front;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code kubectl} binary of the machine image, run with a kubeconfig and a discovery cache of its own
 * (never the user's {@code ~/.kube}).
 */
final class Kubectl {

    /** Where the machine image puts kubectl 1.32. */
    static final Path BINARY = Path.of("/usr/bin/kubectl");

    /** One finished run. */
    record Run(int exit, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path kubeconfig;
    private final Path directory;

    Kubectl(Path kubeconfig, Path directory) {
        this.kubeconfig = kubeconfig;
        this.directory = directory;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Runs {@code kubectl args…} to its end (at most 90 s). */
    Run run(String... args) {
        try {
            Path out = Files.createTempFile(directory, "kubectl", ".out");
            Path err = Files.createTempFile(directory, "kubectl", ".err");
            Process process = start(out, err, args);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not end within 90 s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code kubectl args…} (a watch, say) writing to {@code out}; the caller stops it. */
    Process start(Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                directory.resolve("cache").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
