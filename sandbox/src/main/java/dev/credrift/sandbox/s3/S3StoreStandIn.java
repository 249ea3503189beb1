package dev.credrift.sandbox.s3;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.tls.ServerCertificate;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An S3 store in this JVM that answers like RGW or MinIO: S3Proxy over an in-memory blob store, with
 * SigV2/SigV4 authentication against a runtime-rotatable identity map. An unknown access key gets 403
 * {@code InvalidAccessKeyId}, a wrong secret 403 {@code SignatureDoesNotMatch}, a suspended user 403
 * {@code UserSuspended}, a bucket outside a user's permission 403 {@code AccessDenied}, a missing bucket
 * 404 {@code NoSuchBucket}. Every change to users and keys applies to the very next request.
 *
 * <p>Served over HTTP, or over HTTPS with a {@link ServerCertificate} that can be replaced while the store
 * runs (it restarts on the same port with its users and buckets intact), to expire a certificate or move
 * it to another CA in a world timeline.
 *
 * <p>Thread-safe. Buckets exist only once {@link #createBucket created} (no auto-creation), so a probe of
 * an unknown bucket gets {@code NoSuchBucket}.
 */
public final class S3StoreStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3StoreStandIn.class);
    private static final int MAX_RECORDED_CALLS = 1000;
    // Jetty waits this long for requests in flight when the store stops or restarts
    private static final long STOP_TIMEOUT_MILLIS = 500;

    private final String host;
    private final StoreUsers users = new StoreUsers();
    private final RefusalTally refusals = new RefusalTally(users);
    private final BlobStore blobStore = new TransientNio2BlobStore();
    private final Deque<StoreCall> calls = new ArrayDeque<>();
    private final UserBlobStoreLocator locator;
    private S3Proxy proxy;
    private int port;
    private ServerCertificate certificate;

    S3StoreStandIn(String host, int port, ServerCertificate certificate) {
        this.host = host;
        this.port = port;
        this.certificate = certificate;
        this.locator = new UserBlobStoreLocator(users, blobStore, this::record);
    }

    /** Starts a store over HTTP on a free port of 127.0.0.1. */
    public static S3StoreStandIn startHttp() {
        return builder().start();
    }

    /** Starts a store over HTTPS on a free port of 127.0.0.1, presenting {@code certificate}. */
    public static S3StoreStandIn startHttps(ServerCertificate certificate) {
        return builder().https(certificate).start();
    }

    /** Options for a store. */
    public static S3StoreStandInBuilder builder() {
        return new S3StoreStandInBuilder();
    }

    // ---- where it listens -------------------------------------------------------------------------------

    /** The endpoint, e.g. {@code https://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint(host);
    }

    /**
     * The endpoint under another host name that reaches the same address (e.g. {@code localhost}), to
     * test which names a certificate must carry.
     */
    public URI endpoint(String hostName) {
        try {
            return new URI(isHttps() ? "https" : "http", null, hostName, port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("S3 stand-in endpoint: invalid host name '" + hostName + "'", e);
        }
    }

    /** The port it listens on (stable across certificate replacements). */
    public synchronized int port() {
        return port;
    }

    /** Whether it serves HTTPS. */
    public synchronized boolean isHttps() {
        return certificate != null;
    }

    /** The certificate it presents now, if HTTPS. */
    public synchronized Optional<ServerCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /**
     * Presents {@code replacement} from now on: the store restarts on the same port, keeping users, keys
     * and buckets; open connections are closed, so the next request handshakes with the new certificate.
     */
    public synchronized void replaceCertificate(ServerCertificate replacement) {
        Objects.requireNonNull(replacement, "replacement");
        if (certificate == null) {
            throw new IllegalStateException("the S3 stand-in serves plain HTTP: start it with https(...) to use TLS");
        }
        stopProxy();
        certificate = replacement;
        startProxy();
        LOG.info("S3 stand-in on port {} now presents {}", port, replacement);
    }

    // ---- users and keys ---------------------------------------------------------------------------------

    /** Creates a user with a generated key pair (RGW-like: 20-character id, 40-character secret) and returns it. */
    public Credential addUser(String user) {
        Credential credential = users.generate();
        users.addUser(user, credential);
        return credential;
    }

    /** Creates a user with exactly this key pair (e.g. a MinIO service account {@code tempo}/{@code supersecret}). */
    public void addUser(String user, Credential credential) {
        users.addUser(user, credential);
    }

    /** Shorthand for {@link #addUser(String, Credential)}. */
    public void addUser(String user, String accessKeyId, String secretKey) {
        users.addUser(user, Credential.of(accessKeyId, secretKey));
    }

    /** Adds a generated key to a user; the user's other keys stay valid (RGW's overlap). */
    public Credential addKey(String user) {
        Credential credential = users.generate();
        users.addKey(user, credential);
        return credential;
    }

    /** Adds this key to a user; the user's other keys stay valid. */
    public void addKey(String user, Credential credential) {
        users.addKey(user, credential);
    }

    /**
     * Adds a temporary key to a user (an STS session's), valid with {@code sessionToken} until {@code expiresAt}.
     * Correctly signed requests with it get 400 {@code InvalidToken} without that token (S3Proxy never reads
     * {@code X-Amz-Security-Token}: a Jetty handler around it hands the token to the identity map) and 400
     * {@code ExpiredToken} once it expired. It is not listed by {@link #keys(String)}.
     */
    public void addTemporaryKey(String user, Credential credential, SecretValue sessionToken, Instant expiresAt) {
        users.addTemporaryKey(
                user,
                credential,
                Objects.requireNonNull(sessionToken, "sessionToken"),
                Objects.requireNonNull(expiresAt, "expiresAt"));
    }

    /** Removes one key; the next request with it gets {@code InvalidAccessKeyId}. Returns whether it existed. */
    public boolean removeKey(String accessKeyId) {
        return users.removeKey(accessKeyId);
    }

    /** Replaces all of a user's keys with one new generated key pair, effective on the next request. */
    public Credential rotate(String user) {
        return users.rotate(user);
    }

    /** The user's keys, sorted by access key id as RGW lists them (not by age). */
    public List<Credential> keys(String user) {
        return users.keys(user);
    }

    /**
     * The S3 error code a correctly signed request for {@code bucket} with this static key would get now, or empty if
     * the store would accept it — the same checks in the same order as a request ({@code InvalidAccessKeyId}, {@code
     * SignatureDoesNotMatch}, {@code UserSuspended}, {@code AccessDenied}), without one. Tests use it to judge a
     * credential at the moment someone writes it somewhere. Temporary (STS) keys are not judged here.
     */
    public Optional<String> refusal(Credential credential, String bucket) {
        return users.refusal(credential, bucket);
    }

    /** Suspends a user: its correctly signed requests get 403 {@code UserSuspended}. */
    public void suspend(String user) {
        users.setSuspended(user, true);
    }

    /** Lifts a suspension. */
    public void resume(String user) {
        users.setSuspended(user, false);
    }

    /** Deletes a user and its keys. */
    public void removeUser(String user) {
        users.removeUser(user);
    }

    /** Limits a user to these buckets; requests for others get 403 {@code AccessDenied}. */
    public void restrictBuckets(String user, Set<String> buckets) {
        users.setAllowedBuckets(user, Optional.of(Objects.requireNonNull(buckets, "buckets")));
    }

    /** Lets a user use every bucket again (the default). */
    public void allowAllBuckets(String user) {
        users.setAllowedBuckets(user, Optional.empty());
    }

    // ---- buckets ----------------------------------------------------------------------------------------

    /** Creates a bucket if it does not exist. */
    public void createBucket(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    /** Deletes a bucket and its objects, if it exists. */
    public void deleteBucket(String bucket) {
        if (blobStore.containerExists(bucket)) {
            blobStore.deleteContainer(bucket);
        }
    }

    /** Whether the bucket exists. */
    public boolean bucketExists(String bucket) {
        return blobStore.containerExists(bucket);
    }

    /** Puts an object, creating the bucket first if needed. */
    public void putObject(String bucket, String key, byte[] content) {
        createBucket(bucket);
        blobStore.putBlob(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentLength((long) content.length)
                        .build(),
                new ByteArrayInputStream(content));
    }

    // ---- what it saw ------------------------------------------------------------------------------------

    /** How many signed requests reached authentication (whatever their outcome) since start. */
    public long signedRequestCount() {
        return locator.signedRequests();
    }

    /**
     * The signed requests answered 403 for {@code user}'s keys since start — also with a key the user no longer
     * holds (removed, rotated away, a deleted MinIO service account's).
     */
    public RefusalCount refusedRequests(String user) {
        return refusals.of(user);
    }

    /** Every signed request answered 403 since start, whoever's key it named (also keys never known). */
    public RefusalCount refusedRequests() {
        return refusals.total();
    }

    /** The last operations carried out or refused for authenticated users (at most 1000), oldest first. */
    public List<StoreCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Stops the store. */
    @Override
    public synchronized void close() {
        stopProxy();
        blobStore.close();
    }

    /** The endpoint only; never a key. */
    @Override
    public String toString() {
        return "S3StoreStandIn[" + endpoint() + "]";
    }

    private void record(StoreCall call) {
        synchronized (calls) {
            if (calls.size() == MAX_RECORDED_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }

    void startProxy() {
        boolean https = certificate != null;
        URI bind = URI.create((https ? "https" : "http") + "://" + hostForUri(host) + ":" + port);
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(blobStore)
                // S3Proxy insists on one identity; it is never used, the locator answers for every key
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, placeholder(), placeholder())
                // S3Proxy refuses headers it does not know with 501 NotImplemented, x-amz-security-token among them:
                // without this, no client holding STS session keys (stories 4 and 5) could talk to the store
                .ignoreUnknownHeaders(true)
                .stopTimeout(STOP_TIMEOUT_MILLIS);
        if (https) {
            builder.secureEndpoint(bind).sslContext(certificate.serverSslContext());
        } else {
            builder.endpoint(bind);
        }
        S3Proxy started = builder.build();
        started.setBlobStoreLocator(locator);
        wrapHandler(started);
        try {
            started.start();
        } catch (Exception e) {
            throw new S3StandInException("the S3 stand-in cannot listen on " + bind, e);
        }
        proxy = started;
        port = https ? started.getSecurePort() : started.getPort();
        LOG.debug("S3 stand-in listening on {}", endpoint());
    }

    // S3Proxy keeps its Jetty server to itself; the handlers around its servlet are added before it starts
    private void wrapHandler(S3Proxy started) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            Server server = (Server) field.get(started);
            server.setHandler(new RefusalCounter(new SessionTokenCapture(server.getHandler()), refusals));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new S3StandInException(
                    "cannot put the session-token check and refusal count in front of S3Proxy "
                            + S3Proxy.class.getPackage().getImplementationVersion() + ": " + e,
                    e);
        }
    }

    private void stopProxy() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new S3StandInException("the S3 stand-in on port " + port + " did not stop", e);
        } finally {
            proxy = null;
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String placeholder() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
