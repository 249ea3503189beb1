package dev.credrift.sandbox.rgw;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.kafka.FreePorts;
import dev.credrift.sandbox.tls.ServerCertificate;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
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
    // what the daemons log (errno 98) when a picked port was bound by someone else in between
    private static final String ADDRESS_IN_USE = "Address already in use";

    private final CephBinaries binaries;
    private final CephConf conf;
    private final Optional<ServerCertificate> certificate;
    private final KnownSecrets secrets = new KnownSecrets();
    private final CephCommand commands;
    private final DaemonGroup daemons;
    private final RgwUsers users;
    private OkHttpClient http;
    private Duration startupTime = Duration.ZERO;

    private RealRgw(CephBinaries binaries, CephConf conf, Optional<ServerCertificate> certificate) {
        this.binaries = binaries;
        this.conf = conf;
        this.certificate = certificate;
        Map<String, String> environment = Map.of("CEPH_CONF", conf.file().toString());
        this.commands = new CephCommand(environment, secrets);
        this.daemons = new DaemonGroup(environment, conf);
        this.users = new RgwUsers(binaries, commands, secrets, conf);
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

        private Builder() {}

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
            CephConf conf = new CephConf(
                    directory, UUID.randomUUID(), ports.getAsInt(), ports.getAsInt(), ports.getAsInt(), tls);
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
    public List<Long> pids() {
        return daemons.pids();
    }

    /** The resident memory of all three daemons, in bytes (from {@code /proc}). */
    public long residentBytes() {
        return daemons.residentBytes();
    }

    // ---- users and keys (radosgw-admin, see RgwUsers) ---------------------------------------------------

    /**
     * Creates a user (display name = uid) with one generated S3 key, as {@code radosgw-admin user create} does.
     *
     * @throws IllegalArgumentException if {@code uid} is not 1–64 of {@code [A-Za-z0-9._-]}
     * @throws RealRgwException if radosgw-admin refuses (e.g. the user exists)
     */
    public Credential createUser(String uid) {
        return users.createUser(uid);
    }

    /**
     * Creates a user with exactly this key (what Rook does for {@code spec.keys}). The secret is passed on
     * radosgw-admin's command line — visible in the process list for that call: test material only.
     */
    public void createUser(String uid, Credential key) {
        users.createUser(uid, key);
    }

    /** Whether the user exists ({@code user info} exits with 22, "no user info saved", otherwise). */
    public boolean userExists(String uid) {
        return users.userExists(uid);
    }

    /** Deletes the user and its keys ({@code user rm}). */
    public void removeUser(String uid) {
        users.removeUser(uid);
    }

    /** The user as RGW describes it now: suspension and keys (sorted by access key id, as RGW lists them). */
    public RgwUser user(String uid) {
        return users.user(uid);
    }

    /**
     * Adds a generated S3 key ({@code key create --gen-access-key --gen-secret}); the user's other keys stay valid.
     * Returns the new key.
     */
    public Credential addKey(String uid) {
        return users.addKey(uid);
    }

    /**
     * Adds exactly this S3 key to the user (the secret goes on radosgw-admin's command line: test material only);
     * an existing key with that id gets this secret.
     */
    public void addKey(String uid, Credential key) {
        users.addKey(uid, key);
    }

    /**
     * Removes one S3 key ({@code key rm}); the very next request with it gets {@code InvalidAccessKeyId}.
     *
     * @throws RealRgwException if radosgw-admin refuses (no such user or key) or the key is still listed after
     */
    public void removeKey(String uid, String accessKeyId) {
        users.removeKey(uid, accessKeyId);
    }

    /**
     * Grants admin capabilities ({@code caps add}), e.g. {@code users=*}: what a user needs to call the Admin Ops
     * API ({@code /admin/user?key}) that rotation mints and revokes keys through.
     */
    public void grantCaps(String uid, String caps) {
        users.grantCaps(uid, caps);
    }

    /** Suspends the user ({@code user suspend}): its correctly signed requests get 403 {@code UserSuspended}. */
    public void suspend(String uid) {
        users.suspend(uid);
    }

    /** Lifts a suspension ({@code user enable}). */
    public void resume(String uid) {
        users.resume(uid);
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
            throw new RealRgwException(
                    step,
                    "S3 error " + e.errorResponse().code() + " (HTTP "
                            + e.response().code() + ")");
        } catch (Exception e) {
            throw new RealRgwException(step, secrets.scrub(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    // ---- stop -------------------------------------------------------------------------------------------

    /** Stops every daemon (SIGTERM, SIGKILL after {@link #STOP_GRACE}) and deletes the directory. Idempotent. */
    @Override
    public void close() {
        Optional<List<String>> stopped = daemons.stop(STOP_GRACE);
        if (stopped.isEmpty()) {
            return;
        }
        List<String> killed = stopped.get();
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        deleteDirectory();
        LOG.info(
                "real RGW at {} stopped{}",
                endpoint(),
                killed.isEmpty()
                        ? ""
                        : " (SIGKILL after " + STOP_GRACE.toMillis() + " ms: " + String.join(", ", killed) + ")");
    }

    /** The endpoint only. */
    @Override
    public String toString() {
        return "RealRgw[" + endpoint() + httpsEndpoint().map(uri -> ", " + uri).orElse("") + "]";
    }

    // ---- start ------------------------------------------------------------------------------------------

    private void boot(Duration startTimeout) {
        startupTime = new ClusterBoot(binaries, conf, certificate, commands, secrets, daemons)
                .boot(startTimeout, endpoint(), httpsEndpoint());
        LOG.info(
                "real RGW up at {}{} in {} ms from the first daemon (dir {})",
                endpoint(),
                httpsEndpoint().map(uri -> " and " + uri).orElse(""),
                startupTime.toMillis(),
                conf.directory());
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
