package dev.credrift.api.promtool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's {@code promtool} (Debian package {@code prometheus}), run as a process: {@code check metrics} on a
 * scrape, {@code check rules} and {@code test rules} on the chart's alert rules. Shared by the app's and the deploy
 * module's tests (this class ships in the api test-jar).
 *
 * <p>Without the binary a test is <em>skipped</em> with the install line, except when {@code CI=true}: there it
 * <em>fails</em>, so that CI never passes by skipping.
 */
public final class Promtool {

    /** Where to look, in order; {@code -Dcredrift.test.promtool=PATH} overrides. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/promtool", "/usr/local/bin/promtool");

    static final String INSTALL = "apt-get install -y --no-install-recommends prometheus";

    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The installed promtool; skips the test (fails it when {@code CI=true}) when there is none. */
    public static Promtool require() {
        Optional<Path> found = locate(System.getProperty("credrift.test.promtool"));
        if (found.isEmpty()) {
            String reason =
                    "promtool not found (" + String.join(", ", candidates(System.getProperty("credrift.test.promtool")))
                            + "); install it with: " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true: " + reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
        return new Promtool(found.get());
    }

    static Optional<Path> locate(String override) {
        return candidates(override).stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static List<String> candidates(String override) {
        return override == null || override.isBlank() ? CANDIDATES : List.of(override);
    }

    /** {@code promtool check metrics} with {@code exposition} on its standard input. */
    public Result checkMetrics(String exposition) {
        return run(exposition, "check", "metrics");
    }

    /** {@code promtool check rules FILE}. */
    public Result checkRules(Path rules) {
        return run("", "check", "rules", rules.toString());
    }

    /** {@code promtool test rules FILE} (a unit-test file naming its rule files relative to itself). */
    public Result testRules(Path tests) {
        return run("", "test", "rules", tests.toString());
    }

    private Result run(String stdin, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("promtool", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, String.join(" ", command) + " did not finish within 60 s");
                }
                return new Result(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("running " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
