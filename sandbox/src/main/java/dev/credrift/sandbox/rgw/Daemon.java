package dev.credrift.sandbox.rgw;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Ceph daemon run in the foreground ({@code -f}) as a child of this JVM, so that its pid is known at once and
 * no pid file can be stale; its own log goes to {@code log/<name>.log}, what it prints to {@code log/<name>.out}.
 */
final class Daemon {

    private final String cephName;
    private final Process process;
    private final Path logFile;
    private final Path outFile;

    private Daemon(String cephName, Process process, Path logFile, Path outFile) {
        this.cephName = cephName;
        this.process = process;
        this.logFile = logFile;
        this.outFile = outFile;
    }

    /**
     * Starts {@code command}.
     *
     * @param cephName the daemon's Ceph name ({@code mon.a}, {@code osd.0}, {@code client.rgw.a})
     * @throws RealRgwException if it cannot be started
     */
    static Daemon start(String cephName, List<String> command, Map<String, String> environment, CephConf conf) {
        Path out = conf.logDirectory().resolve(cephName + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            return new Daemon(cephName, builder.start(), conf.logFile(cephName), out);
        } catch (IOException e) {
            throw new RealRgwException("start " + cephName, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
    }

    String cephName() {
        return cephName;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Its log file (where {@code log file} points). */
    Path logFile() {
        return logFile;
    }

    /** The last lines of its log and of what it printed. */
    String tail(int lines) {
        return "--- " + logFile.getFileName() + " ---\n" + LogTail.of(logFile, lines) + "\n--- " + outFile.getFileName()
                + " ---\n" + LogTail.of(outFile, Math.max(5, lines / 3));
    }

    /** Sends SIGTERM (without waiting). */
    void terminate() {
        process.destroy();
    }

    /** Waits up to {@code grace} for it to exit, then SIGKILLs it and waits for that; returns whether it was killed. */
    boolean awaitExitOrKill(Duration grace) throws InterruptedException {
        if (process.waitFor(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)) {
            return false;
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return true;
    }

    /** SIGKILL, for a JVM that is going down without {@link RealRgw#close()}. */
    void kill() {
        process.destroyForcibly();
    }

    /** Its resident memory in bytes, from {@code /proc}; 0 when unknown. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public String toString() {
        return cephName + "[pid " + pid() + "]";
    }
}
