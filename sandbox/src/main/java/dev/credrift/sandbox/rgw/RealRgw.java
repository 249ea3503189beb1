package dev.credrift.sandbox.rgw;

import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.kafka.FreePorts;
import dev.credrift.sandbox.tls.ServerCertificate;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Ceph RADOS Gateway on loopback: a single-host cluster of one monitor, one memstore OSD and one radosgw
 * (beast frontend), started from the Debian binaries with authentication off, everything under one temporary
 * directory, every port a free one on 127.0.0.1. It answers S3 about 2 to 3 seconds after its first daemon starts
 * and takes ~130 MB of memory in all (see {@code ceph-rgw-notes.md}).
 *
 * <pre>{@code
 * try (RealRgw rgw = RealRgw.start()) {
 *     Credential loki = rgw.createUser("loki");
 *     rgw.createBucket(loki, "loki-chunks");
 *     Credential next = rgw.addKey("loki");          // both keys work now
 *     rgw.removeKey("loki", loki.accessKeyId());     // the old one gets InvalidAccessKeyId on the next request
 * }
 * }</pre>
 *
 * <p>Users and keys are managed with {@code radosgw-admin}; every call to it or to {@code ceph} is bounded by
 * {@link #COMMAND_TIMEOUT} (both wait forever for a cluster that does not serve). Failures are
 * {@link RealRgwException}s naming the step, with the tail of the daemon log that explains them; no secret key
 * ever appears in them or in this class's log (radosgw-admin's output is parsed, never quoted).
 *
 * <p>Thread-safe. {@link #close()} sends SIGTERM to every daemon, SIGKILL to those still running 2 seconds later
 * (radosgw takes ~6 s to exit on its own), and deletes the directory; a JVM that exits without closing kills them
 * too (shutdown hook).
 */
public final class RealRgw implements AutoCloseable {

    /** How long one {@code ceph} / {@code radosgw-admin} / {@code ceph-*-tool} call may take. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    /** How long the cluster may take from its first command until S3 answers, by default. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    /** How long daemons get between SIGTERM and SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(RealRgw.class);
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration CEPH_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // what the daemons log (errno 98) when a picked port was bound by someone else in between
    private static final String ADDRESS_IN_USE = "Address already in use";
    // radosgw-admin's exit code (EINVAL's number, in fact) for "could not fetch user info: no user info saved"
    private static final int NO_SUCH_ENTRY_EXIT = 22;

    private final CephBinaries binaries;
    private final CephConf conf;
    private final Optional<ServerCertificate> certificate;
    private final Map<String, String> environment;
    private final KnownSecrets secrets = new KnownSecrets();
    private final CephCommand commands;
    private final List<Daemon> daemons = new ArrayList<>();
    private final Thread killer = new Thread(this::killAll, "real-rgw-killer");
    private OkHttpClient http;
    private Duration startupTime = Duration.ZERO;
    private boolean closed;

    private RealRgw(CephBinaries binaries, CephConf conf, Optional<ServerCertificate> certificate) {
        this.binaries = binaries;
        this.conf = conf;
        this.certificate = certificate;
        this.environment = Map.of("CEPH_CONF", conf.file().toString());
        this.commands = new CephCommand(environment, secrets);
    }

    /** Starts a cluster serving plain HTTP. */
    public static RealRgw start() {
        return builder().start();
    }

    /** Options for a cluster. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options: HTTPS next to HTTP, start timeout. */
    public static final class Builder {
        private ServerCertificate certificate;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private IntSupplier ports = () -> FreePorts.pick(CephConf.LOOPBACK);

        private Builder() {
        }

        /** Where ports come from (tests provoke a port taken between picking and binding). */
        Builder ports(IntSupplier portPicker) {
            this.ports = Objects.requireNonNull(portPicker, "portPicker");
            return this;
        }

        /**
         * Also serve HTTPS (on its own port, {@link #httpsEndpoint()}) with this certificate; it should name
         * {@code 127.0.0.1} (and {@code localhost}, to reach it by that name).
         */
        public Builder https(ServerCertificate serverCertificate) {
            this.certificate = Objects.requireNonNull(serverCertificate, "serverCertificate");
            return this;
        }

        /** How long the cluster may take until S3 answers. */
        public Builder startTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("RealRgw start timeout: must be positive, got " + timeout);
            }
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Starts the cluster and waits until S3 answers.
         *
         * @throws RealRgwException if the Ceph binaries are missing (the message says how to install them) or a
         *                          step fails; nothing is left running and the directory is gone
         */
        public RealRgw start() {
            CephBinaries binaries = CephBinaries.find();
            try {
                return startOnce(binaries);
            } catch (RealRgwException e) {
                // the ports were free when picked, but someone may have bound one since: once more, with others
                if (!e.getMessage().contains(ADDRESS_IN_USE)) {
                    throw e;
                }
                LOG.info("real RGW: a port was taken between picking and binding ({}); starting again", e.step());
                return startOnce(binaries);
            }
        }

        private RealRgw startOnce(CephBinaries binaries) {
            Path directory;
            try {
                directory = Files.createTempDirectory("credrift-rgw-");
            } catch (IOException e) {
                throw new RealRgwException("create the cluster directory", e.getMessage());
            }
            Optional<CephConf.Tls> tls = Optional.ofNullable(certificate)
                    .map(c -> new CephConf.Tls(ports.getAsInt(), directory.resolve("rgw.pem")));
            CephConf conf = new CephConf(directory, UUID.randomUUID(), ports.getAsInt(), ports.getAsInt(),
                    ports.getAsInt(), tls);
            RealRgw rgw = new RealRgw(binaries, conf, Optional.ofNullable(certificate));
            try {
                rgw.boot(startTimeout);
                return rgw;
            } catch (RuntimeException e) {
                rgw.close();
                throw e;
            }
        }
    }

    // ---- where it listens -------------------------------------------------------------------------------

    /** The plain HTTP S3 endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://" + CephConf.LOOPBACK + ":" + conf.s3Port());
    }

    /** The HTTPS S3 endpoint, if started with {@link Builder#https}. */
    public Optional<URI> httpsEndpoint() {
        return conf.tls().map(tls -> URI.create("https://" + CephConf.LOOPBACK + ":" + tls.port()));
    }

    /** The HTTPS S3 endpoint under another host name of loopback (e.g. {@code localhost}). */
    public Optional<URI> httpsEndpoint(String hostName) {
        return conf.tls().map(tls -> URI.create("https://" + hostName + ":" + tls.port()));
    }

    /** The certificate radosgw presents on {@link #httpsEndpoint()}. */
    public Optional<ServerCertificate> certificate() {
        return certificate;
    }

    /** The PEM of the CA that issued {@link #certificate()}, as a ConfigMap's {@code ca.crt} would hold it. */
    public Optional<String> caCertificatePem() {
        return certificate.map(c -> ServerCertificatePem.of(c.issuerCertificate()));
    }

    /** From the first daemon's start until S3 answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The cluster's directory (config, logs, data); deleted by {@link #close()}. */
    public Path directory() {
        return conf.directory();
    }

    /** The pids of the monitor, OSD and radosgw, in that order. */
    public synchronized List<Long> pids() {
        return daemons.stream().map(Daemon::pid).toList();
    }

    /** The resident memory of all three daemons, in bytes (from {@code /proc}). */
    public synchronized long residentBytes() {
        return daemons.stream().mapToLong(Daemon::residentBytes).sum();
    }

    // ---- users and keys ---------------------------------------------------------------------------------

    /**
     * Creates a user (display name = uid) with one generated S3 key, as {@code radosgw-admin user create} does.
     *
     * @throws IllegalArgumentException if {@code uid} is not 1–64 of {@code [A-Za-z0-9._-]}
     * @throws RealRgwException if radosgw-admin refuses (e.g. the user exists)
     */
    public Credential createUser(String uid) {
        requireUid(uid);
        RgwUser user = admin("radosgw-admin user create", "user", "create", "--uid=" + uid, "--display-name=" + uid);
        if (user.keys().size() != 1) {
            throw new RealRgwException("radosgw-admin user create",
                    "expected one key for new user '" + uid + "', got " + user.keys().size());
        }
        return user.keys().get(0);
    }

    /**
     * Creates a user with exactly this key (what Rook does for {@code spec.keys}). The secret is passed on
     * radosgw-admin's command line — visible in the process list for that call: test material only.
     */
    public void createUser(String uid, Credential key) {
        requireUid(uid);
        Objects.requireNonNull(key, "key");
        secrets.remember(key.secret());
        admin("radosgw-admin user create", "user", "create", "--uid=" + uid, "--display-name=" + uid,
                "--access-key=" + key.accessKeyId(), "--secret-key=" + key.secret().reveal());
    }

    /** Whether the user exists ({@code user info} exits with 22, "no user info saved", otherwise). */
    public boolean userExists(String uid) {
        requireUid(uid);
        String step = "radosgw-admin user info";
        CephCommand.Result result = commands.run(step, COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("radosgw-admin"), "user", "info", "--uid=" + uid));
        if (result.succeeded()) {
            RgwUserJson.parse(step, result.stdout()).keys().forEach(key -> secrets.remember(key.secret()));
            return true;
        }
        if (result.exitCode() == NO_SUCH_ENTRY_EXIT) {
            return false;
        }
        throw commands.failure(step, "radosgw-admin exited with " + result.exitCode(), conf.logFile("client.admin"));
    }

    /** Deletes the user and its keys ({@code user rm}). */
    public void removeUser(String uid) {
        requireUid(uid);
        commands.require("radosgw-admin user rm", COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("radosgw-admin"), "user", "rm", "--uid=" + uid),
                conf.logFile("client.admin"));
    }

    /** The user as RGW describes it now: suspension and keys (sorted by access key id, as RGW lists them). */
    public RgwUser user(String uid) {
        requireUid(uid);
        return admin("radosgw-admin user info", "user", "info", "--uid=" + uid);
    }

    /**
     * Adds a generated S3 key ({@code key create --gen-access-key --gen-secret}); the user's other keys stay valid.
     * Returns the new key.
     */
    public Credential addKey(String uid) {
        Set<String> before = user(uid).keys().stream().map(Credential::accessKeyId).collect(Collectors.toSet());
        RgwUser after = admin("radosgw-admin key create", "key", "create", "--uid=" + uid, "--key-type=s3",
                "--gen-access-key", "--gen-secret");
        List<Credential> added = after.keys().stream().filter(key -> !before.contains(key.accessKeyId())).toList();
        if (added.size() != 1) {
            throw new RealRgwException("radosgw-admin key create",
                    "expected one new key for user '" + uid + "', found " + added.size());
        }
        return added.get(0);
    }

    /**
     * Adds exactly this S3 key to the user (the secret goes on radosgw-admin's command line: test material only);
     * an existing key with that id gets this secret.
     */
    public void addKey(String uid, Credential key) {
        requireUid(uid);
        Objects.requireNonNull(key, "key");
        secrets.remember(key.secret());
        admin("radosgw-admin key create", "key", "create", "--uid=" + uid, "--key-type=s3",
                "--access-key=" + key.accessKeyId(), "--secret-key=" + key.secret().reveal());
    }

    /**
     * Removes one S3 key ({@code key rm}); the very next request with it gets {@code InvalidAccessKeyId}.
     *
     * @throws RealRgwException if radosgw-admin refuses (no such user or key) or the key is still listed after
     */
    public void removeKey(String uid, String accessKeyId) {
        requireUid(uid);
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("removeKey accessKeyId: must not be blank");
        }
        RgwUser after = admin("radosgw-admin key rm", "key", "rm", "--uid=" + uid, "--key-type=s3",
                "--access-key=" + accessKeyId);
        if (after.keys().stream().anyMatch(key -> key.accessKeyId().equals(accessKeyId))) {
            throw new RealRgwException("radosgw-admin key rm", "user '" + uid + "' still holds key "
                    + AccessKeyMask.mask(accessKeyId));
        }
    }

    /** Suspends the user ({@code user suspend}): its correctly signed requests get 403 {@code UserSuspended}. */
    public void suspend(String uid) {
        requireUid(uid);
        admin("radosgw-admin user suspend", "user", "suspend", "--uid=" + uid);
    }

    /** Lifts a suspension ({@code user enable}). */
    public void resume(String uid) {
        requireUid(uid);
        admin("radosgw-admin user enable", "user", "enable", "--uid=" + uid);
    }

    /**
     * Creates a bucket owned by the user of {@code owner}, with minio-java over the plain endpoint.
     *
     * @throws RealRgwException with the S3 error code if RGW refuses
     */
    public void createBucket(Credential owner, String bucket) {
        Objects.requireNonNull(owner, "owner");
        String step = "create bucket " + bucket + " as " + owner.maskedAccessKeyId();
        MinioClient client = MinioClient.builder()
                .endpoint(endpoint().toString())
                .credentials(owner.accessKeyId(), owner.secret().reveal())
                .httpClient(httpClient())
                .build();
        try {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
            throw new RealRgwException(step, "S3 error " + e.errorResponse().code() + " (HTTP "
                    + e.response().code() + ")");
        } catch (Exception e) {
            throw new RealRgwException(step, secrets.scrub(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    // ---- stop -------------------------------------------------------------------------------------------

    /** Stops every daemon (SIGTERM, SIGKILL after {@link #STOP_GRACE}) and deletes the directory. Idempotent. */
    @Override
    public void close() {
        List<Daemon> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = List.copyOf(daemons);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down already, or the hook was never added: the killer does its job or is moot
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
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
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        deleteDirectory();
        LOG.info("real RGW at {} stopped{}", endpoint(), killed.isEmpty() ? "" : " (SIGKILL after "
                + STOP_GRACE.toMillis() + " ms: " + String.join(", ", killed) + ")");
    }

    /** The endpoint only. */
    @Override
    public String toString() {
        return "RealRgw[" + endpoint() + httpsEndpoint().map(uri -> ", " + uri).orElse("") + "]";
    }

    // ---- start ------------------------------------------------------------------------------------------

    private void boot(Duration startTimeout) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Path dir = conf.directory();
        try {
            for (String sub : List.of("run", "log", "mon", "osd", "rgw")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(conf.file(), conf.render(), StandardCharsets.UTF_8);
            if (conf.tls().isPresent()) {
                Path pem = conf.tls().get().pemFile();
                Files.createFile(pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(pem, certificate.orElseThrow().combinedPem(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new RealRgwException("write the cluster configuration", e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(killer);
        Path monLog = conf.logFile("mon." + CephConf.MON_ID);
        commands.require("monmaptool --create", COMMAND_TIMEOUT, CephCommand.command(binaries.path("monmaptool"),
                "--create", "--fsid", conf.fsid().toString(), "--addv", CephConf.MON_ID, conf.monAddresses(),
                conf.monmap().toString()), monLog);
        commands.require("ceph-authtool --create-keyring", COMMAND_TIMEOUT, CephCommand.command(
                binaries.path("ceph-authtool"), "--create-keyring", conf.keyring().toString(), "--gen-key",
                "-n", "mon.", "--cap", "mon", "allow *"), monLog);
        commands.require("ceph-mon --mkfs", COMMAND_TIMEOUT, CephCommand.command(binaries.path("ceph-mon"),
                "--mkfs", "-i", CephConf.MON_ID, "--monmap", conf.monmap().toString(),
                "--keyring", conf.keyring().toString()), monLog);

        long firstDaemon = System.nanoTime();
        Daemon mon = daemon("mon." + CephConf.MON_ID, binaries.path("ceph-mon"), "-f", "-i", CephConf.MON_ID);
        // the monitor's own v2 port first: `ceph -s` would wait seconds on a v1 port that someone else holds
        awaitUntil("wait for ceph-mon to answer", mon, deadline,
                () -> S3Ping.listens(conf.monV2Port()) && ceph("ceph -s", "-s").succeeded());

        String osdUuid = UUID.randomUUID().toString();
        String osdId = commands.require("ceph osd new", COMMAND_TIMEOUT, cephCommand("osd", "new", osdUuid), monLog)
                .stdout().trim();
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
        commands.require("ceph-osd --mkfs", COMMAND_TIMEOUT, CephCommand.command(binaries.path("ceph-osd"),
                "--mkfs", "-i", osdId, "--osd-uuid", osdUuid), conf.logFile(osdName));
        Daemon osd = daemon(osdName, binaries.path("ceph-osd"), "-f", "-i", osdId);
        Pattern up = Pattern.compile("(?m)^" + Pattern.quote(osdName) + " up ");
        awaitUntil("wait for " + osdName + " up", osd, deadline, () -> {
            CephCommand.Result dump = ceph("ceph osd dump", "osd", "dump");
            return dump.succeeded() && up.matcher(dump.stdout()).find();
        });

        Daemon rgw = daemon(CephConf.RGW_NAME, binaries.path("radosgw"), "-f", "-n", CephConf.RGW_NAME);
        awaitUntil("wait for radosgw to answer S3 on " + endpoint(), rgw, deadline,
                () -> S3Ping.answers(endpoint(), Optional.empty()));
        httpsEndpoint().ifPresent(https -> awaitUntil("wait for radosgw to answer S3 on " + https, rgw, deadline,
                () -> S3Ping.answers(https, certificate.map(ServerCertificate::issuerCertificate))));
        startupTime = Duration.ofNanos(System.nanoTime() - firstDaemon);
        LOG.info("real RGW up at {}{} in {} ms from the first daemon (dir {})", endpoint(),
                httpsEndpoint().map(uri -> " and " + uri).orElse(""), startupTime.toMillis(), dir);
    }

    private synchronized Daemon daemon(String cephName, String program, String... arguments) {
        if (closed) {
            throw new RealRgwException("start " + cephName, "the cluster was closed while starting");
        }
        Daemon daemon = Daemon.start(cephName, CephCommand.command(program, arguments), environment, conf);
        daemons.add(daemon);
        return daemon;
    }

    private void awaitUntil(String step, Daemon daemon, long deadline, BooleanSupplier ready) {
        while (true) {
            if (!daemon.isAlive()) {
                throw new RealRgwException(step, secrets.scrub(daemon.cephName() + " exited while starting\n"
                        + daemon.tail(25)));
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
            return commands.run(step, COMMAND_TIMEOUT, cephCommand(arguments));
        } catch (RealRgwException timedOut) {
            return new CephCommand.Result(-1, "", "");
        }
    }

    private List<String> cephCommand(String... arguments) {
        List<String> command = CephCommand.command(binaries.path("ceph"), "--connect-timeout",
                Long.toString(CEPH_CONNECT_TIMEOUT.toSeconds()));
        command.addAll(List.of(arguments));
        return command;
    }

    // ---- radosgw-admin ----------------------------------------------------------------------------------

    private RgwUser admin(String step, String... arguments) {
        CephCommand.Result result = commands.require(step, COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("radosgw-admin"), arguments), conf.logFile("client.admin"));
        RgwUser user = RgwUserJson.parse(step, result.stdout());
        user.keys().forEach(key -> secrets.remember(key.secret()));
        return user;
    }

    private static void requireUid(String uid) {
        if (uid == null || !UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("RGW user id: must be 1-64 of [A-Za-z0-9._-] starting with a letter"
                    + " or digit, got " + (uid == null ? "null" : "'" + uid + "'"));
        }
    }

    private synchronized OkHttpClient httpClient() {
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(20))
                    .build();
        }
        return http;
    }

    private void killAll() {
        List<Daemon> running;
        synchronized (this) {
            running = List.copyOf(daemons);
        }
        running.forEach(Daemon::kill);
    }

    private void deleteDirectory() {
        Path dir = conf.directory();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("real RGW: could not delete {} entirely: {}", dir, e.toString());
        }
    }
}
