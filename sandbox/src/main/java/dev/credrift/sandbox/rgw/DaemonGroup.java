package dev.credrift.sandbox.rgw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's running daemons: started in order, stopped in reverse (SIGTERM, then SIGKILL for those still
 * running after the grace), and killed by a shutdown hook if the JVM exits before {@link #stop}. Thread-safe;
 * once stopped, starting another daemon fails (a cluster closed while it was still booting).
 */
final class DaemonGroup {

    private final Map<String, String> environment;
    private final CephConf conf;
    private final List<Daemon> daemons = new ArrayList<>();
    private final Thread killer = new Thread(this::killAll, "real-rgw-killer");
    private boolean stopped;

    DaemonGroup(Map<String, String> environment, CephConf conf) {
        this.environment = environment;
        this.conf = conf;
    }

    /** Kills every daemon if the JVM exits before {@link #stop()}. */
    void killOnExit() {
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts one daemon and keeps it.
     *
     * @throws RealRgwException if the group was stopped or the program cannot be run
     */
    synchronized Daemon start(String cephName, String program, String... arguments) {
        if (stopped) {
            throw new RealRgwException("start " + cephName, "the cluster was closed while starting");
        }
        Daemon daemon = Daemon.start(cephName, CephCommand.command(program, arguments), environment, conf);
        daemons.add(daemon);
        return daemon;
    }

    /** The pids, in start order. */
    synchronized List<Long> pids() {
        return daemons.stream().map(Daemon::pid).toList();
    }

    /** The resident memory of all daemons, in bytes. */
    synchronized long residentBytes() {
        return daemons.stream().mapToLong(Daemon::residentBytes).sum();
    }

    /**
     * Stops every daemon: SIGTERM to all (last started first), SIGKILL to those still running after {@code grace}.
     *
     * @return the Ceph names of the daemons that had to be killed; empty if already stopped
     */
    Optional<List<String>> stop(Duration grace) {
        List<Daemon> running;
        synchronized (this) {
            if (stopped) {
                return Optional.empty();
            }
            stopped = true;
            running = List.copyOf(daemons);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down already, or the hook was never added: the killer does its job or is moot
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).terminate();
        }
        List<String> killed = new ArrayList<>();
        try {
            for (Daemon daemon : running) {
                if (daemon.awaitExitOrKill(Duration.ofNanos(deadline - System.nanoTime()))) {
                    killed.add(daemon.cephName());
                }
            }
        } catch (InterruptedException e) {
            killAll();
            Thread.currentThread().interrupt();
        }
        return Optional.of(killed);
    }

    private void killAll() {
        List<Daemon> running;
        synchronized (this) {
            running = List.copyOf(daemons);
        }
        running.forEach(Daemon::kill);
    }
}
