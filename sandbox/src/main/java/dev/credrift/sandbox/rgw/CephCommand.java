package dev.credrift.sandbox.rgw;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one short-lived Ceph program ({@code ceph}, {@code radosgw-admin}, {@code monmaptool}, ...) to its end,
 * bounded in time: {@code radosgw-admin} and {@code ceph} wait forever for a cluster that does not serve.
 * Standard output is returned to the caller only; it is never part of an exception (it may hold secret keys).
 */
final class CephCommand {

    /** What a command printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** Never the output: it may hold secret keys. */
        @Override
        public String toString() {
            return "Result[exitCode=" + exitCode + "]";
        }
    }

    // the readers block until the process closes its pipes: their own threads, never the common pool's
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ceph-command-output");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, String> environment;
    private final KnownSecrets secrets;

    CephCommand(Map<String, String> environment, KnownSecrets secrets) {
        this.environment = Map.copyOf(environment);
        this.secrets = secrets;
    }

    /**
     * Runs {@code command}; a non-zero exit is a result, not an exception.
     *
     * @throws RealRgwException if it cannot start, or does not end within {@code timeout} (it is killed)
     */
    Result run(String step, Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RealRgwException(step, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), READERS);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READERS);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new RealRgwException(
                        step,
                        command.get(0) + " did not end within " + timeout.toMillis()
                                + " ms and was killed (the cluster is not serving?)");
            }
            return new Result(process.exitValue(), stdout.get(5, TimeUnit.SECONDS), stderr.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RealRgwException(step, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new RealRgwException(
                    step,
                    "cannot read the output of " + command.get(0) + ": "
                            + e.getClass().getSimpleName());
        }
    }

    /**
     * Runs {@code command} and requires exit code 0.
     *
     * @param explainingLog the log whose tail explains a failure (scrubbed of secrets)
     * @throws RealRgwException naming the step, the exit code, the command's standard error and the log tail
     */
    Result require(String step, Duration timeout, List<String> command, Path explainingLog) {
        Result result = run(step, timeout, command);
        if (!result.succeeded()) {
            throw failure(
                    step,
                    command.get(0) + " exited with " + result.exitCode() + "; its stderr:\n" + tail(result.stderr()),
                    explainingLog);
        }
        return result;
    }

    /** A failure of {@code step} with the tail of {@code log}, scrubbed. */
    RealRgwException failure(String step, String what, Path log) {
        return new RealRgwException(
                step, secrets.scrub(what + "\n--- last lines of " + log + " ---\n" + LogTail.of(log, 25)));
    }

    static List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(arguments));
        return command;
    }

    private String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 15);
        return secrets.scrub(String.join("\n", List.of(lines).subList(from, lines.length)));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
