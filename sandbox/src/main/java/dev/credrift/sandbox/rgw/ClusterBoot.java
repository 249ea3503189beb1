package dev.credrift.sandbox.rgw;

import dev.credrift.sandbox.tls.ServerCertificate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Brings a new cluster up, step by step: configuration, monitor map and keyring, monitor, OSD, radosgw, each
 * daemon awaited until it serves (S3 on every endpoint for radosgw), all within one deadline. A step that fails
 * throws a {@link RealRgwException} naming it, with the tail of the daemon's log (scrubbed of known secrets).
 */
final class ClusterBoot {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration CEPH_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final CephBinaries binaries;
    private final CephConf conf;
    private final Optional<ServerCertificate> certificate;
    private final CephCommand commands;
    private final KnownSecrets secrets;
    private final DaemonGroup daemons;

    ClusterBoot(
            CephBinaries binaries,
            CephConf conf,
            Optional<ServerCertificate> certificate,
            CephCommand commands,
            KnownSecrets secrets,
            DaemonGroup daemons) {
        this.binaries = binaries;
        this.conf = conf;
        this.certificate = certificate;
        this.commands = commands;
        this.secrets = secrets;
        this.daemons = daemons;
    }

    /**
     * Runs every step until S3 answers on {@code endpoint} and {@code httpsEndpoint}.
     *
     * @return the time from the first daemon's start until S3 answered
     */
    Duration boot(Duration startTimeout, URI endpoint, Optional<URI> httpsEndpoint) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Path dir = conf.directory();
        try {
            for (String sub : List.of("run", "log", "mon", "osd", "rgw")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(conf.file(), conf.render(), StandardCharsets.UTF_8);
            if (conf.tls().isPresent()) {
                Path pem = conf.tls().get().pemFile();
                Files.createFile(
                        pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(pem, certificate.orElseThrow().combinedPem(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new RealRgwException("write the cluster configuration", e.getMessage());
        }
        daemons.killOnExit();
        Path monLog = conf.logFile("mon." + CephConf.MON_ID);
        commands.require(
                "monmaptool --create",
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(
                        binaries.path("monmaptool"),
                        "--create",
                        "--fsid",
                        conf.fsid().toString(),
                        "--addv",
                        CephConf.MON_ID,
                        conf.monAddresses(),
                        conf.monmap().toString()),
                monLog);
        commands.require(
                "ceph-authtool --create-keyring",
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(
                        binaries.path("ceph-authtool"),
                        "--create-keyring",
                        conf.keyring().toString(),
                        "--gen-key",
                        "-n",
                        "mon.",
                        "--cap",
                        "mon",
                        "allow *"),
                monLog);
        commands.require(
                "ceph-mon --mkfs",
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(
                        binaries.path("ceph-mon"),
                        "--mkfs",
                        "-i",
                        CephConf.MON_ID,
                        "--monmap",
                        conf.monmap().toString(),
                        "--keyring",
                        conf.keyring().toString()),
                monLog);

        long firstDaemon = System.nanoTime();
        Daemon mon = daemons.start("mon." + CephConf.MON_ID, binaries.path("ceph-mon"), "-f", "-i", CephConf.MON_ID);
        // the monitor's own v2 port first: `ceph -s` would wait seconds on a v1 port that someone else holds
        awaitUntil(
                "wait for ceph-mon to answer",
                mon,
                deadline,
                () -> S3Ping.listens(conf.monV2Port()) && ceph("ceph -s", "-s").succeeded());

        String osdUuid = UUID.randomUUID().toString();
        String osdId = commands.require(
                        "ceph osd new", RealRgw.COMMAND_TIMEOUT, cephCommand("osd", "new", osdUuid), monLog)
                .stdout()
                .trim();
        if (!osdId.matches("[0-9]+")) {
            throw commands.failure("ceph osd new", "expected an OSD id, got something else", monLog);
        }
        String osdName = "osd." + osdId;
        try {
            Files.createDirectories(dir.resolve("osd").resolve(osdName));
            Files.createDirectories(dir.resolve("rgw").resolve(CephConf.RGW_NAME));
        } catch (IOException e) {
            throw new RealRgwException("create the data directories", e.getMessage());
        }
        commands.require(
                "ceph-osd --mkfs",
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("ceph-osd"), "--mkfs", "-i", osdId, "--osd-uuid", osdUuid),
                conf.logFile(osdName));
        Daemon osd = daemons.start(osdName, binaries.path("ceph-osd"), "-f", "-i", osdId);
        Pattern up = Pattern.compile("(?m)^" + Pattern.quote(osdName) + " up ");
        awaitUntil("wait for " + osdName + " up", osd, deadline, () -> {
            CephCommand.Result dump = ceph("ceph osd dump", "osd", "dump");
            return dump.succeeded() && up.matcher(dump.stdout()).find();
        });

        Daemon rgw = daemons.start(CephConf.RGW_NAME, binaries.path("radosgw"), "-f", "-n", CephConf.RGW_NAME);
        awaitUntil(
                "wait for radosgw to answer S3 on " + endpoint,
                rgw,
                deadline,
                () -> S3Ping.answers(endpoint, Optional.empty()));
        httpsEndpoint.ifPresent(https -> awaitUntil(
                "wait for radosgw to answer S3 on " + https,
                rgw,
                deadline,
                () -> S3Ping.answers(https, certificate.map(ServerCertificate::issuerCertificate))));
        return Duration.ofNanos(System.nanoTime() - firstDaemon);
    }

    private void awaitUntil(String step, Daemon daemon, long deadline, BooleanSupplier ready) {
        while (true) {
            if (!daemon.isAlive()) {
                throw new RealRgwException(
                        step, secrets.scrub(daemon.cephName() + " exited while starting\n" + daemon.tail(25)));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RealRgwException(step, secrets.scrub("not ready in time\n" + daemon.tail(25)));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RealRgwException(step, "interrupted");
            }
        }
    }

    private CephCommand.Result ceph(String step, String... arguments) {
        try {
            return commands.run(step, RealRgw.COMMAND_TIMEOUT, cephCommand(arguments));
        } catch (RealRgwException timedOut) {
            return new CephCommand.Result(-1, "", "");
        }
    }

    private List<String> cephCommand(String... arguments) {
        List<String> command = CephCommand.command(
                binaries.path("ceph"), "--connect-timeout", Long.toString(CEPH_CONNECT_TIMEOUT.toSeconds()));
        command.addAll(List.of(arguments));
        return command;
    }
}
