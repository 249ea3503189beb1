package dev.credrift.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A package from the npm registry, installed once into {@code target/node/<package>} and run with the machine's
 * Node.js, so that a third party's own implementation checks what credrift sends. Skips the test only when
 * {@code node} is absent (CI has it).
 */
public final class NodeLibrary {

    private final Path directory;

    private NodeLibrary(Path directory) {
        this.directory = directory;
    }

    /** Installs {@code pkg@version} (once per build) or skips the test when Node.js is not installed. */
    public static synchronized NodeLibrary install(String pkg, String version) throws Exception {
        Assumptions.assumeTrue(
                run(List.of("node", "--version"), Path.of("."), "").exit() == 0,
                "node is not installed: skipping the check with the " + pkg + " npm package");
        Path directory = Path.of("target", "node", pkg + "-" + version).toAbsolutePath();
        if (!Files.isDirectory(directory.resolve("node_modules").resolve(pkg))) {
            Files.createDirectories(directory);
            Result installed = run(
                    List.of(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            directory.toString(),
                            pkg + "@" + version),
                    directory,
                    "");
            assertThat(installed.exit())
                    .as("npm install %s@%s: %s", pkg, version, installed.output())
                    .isZero();
        }
        return new NodeLibrary(directory);
    }

    /** Runs a CommonJS script (it may {@code require} the package) with {@code stdin}; returns exit code and output. */
    public Result script(String source, String stdin) throws Exception {
        Path file = Files.writeString(Files.createTempFile(directory, "check-", ".cjs"), source);
        try {
            return run(List.of("node", file.toString()), directory, stdin);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Result run(List<String> command, Path directory, String stdin)
            throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            return new Result(127, String.valueOf(notInstalled.getMessage()));
        }
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** How a command ended. */
    public record Result(int exit, String output) {}
}
