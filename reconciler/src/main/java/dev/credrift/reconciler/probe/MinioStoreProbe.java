package dev.credrift.reconciler.probe;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.tls.TlsClient;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.credentials.StaticProvider;
import io.minio.messages.Item;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store probe on the wire: minio-java lists at most one object of the bucket (ListObjectsV2, a GET)
 * signed with the credential. Each probe gets its own connections, closed afterwards, so a rotated key
 * or a replaced certificate is always met afresh; only the dispatcher threads are shared.
 *
 * <p>Thread-safe; blocking, bounded by {@link ProbeTimeouts#call()}. Close it to stop its threads.
 */
public final class MinioStoreProbe implements StoreProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MinioStoreProbe.class);

    private final ProbeTimeouts timeouts;
    private final ExecutorService executor;
    private final OkHttpClient base;

    /** A probe with {@link ProbeTimeouts#DEFAULT}. */
    public MinioStoreProbe() {
        this(ProbeTimeouts.DEFAULT);
    }

    /** A probe with these bounds. */
    public MinioStoreProbe(ProbeTimeouts timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.executor = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads());
        this.base = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(executor))
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                // one attempt, one answer: a retry or a redirect would blur what the store said
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    @Override
    public ProbeVerdict probe(ProbeTarget target, Credential credential) {
        return probe(target, credential, Optional.empty());
    }

    @Override
    public ProbeVerdict probe(ProbeTarget target, Credential credential, SecretValue sessionToken) {
        return probe(target, credential, Optional.of(Objects.requireNonNull(sessionToken, "sessionToken")));
    }

    private ProbeVerdict probe(ProbeTarget target, Credential credential, Optional<SecretValue> sessionToken) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(credential, "credential");
        if (target.tlsUnverified()) {
            LOG.warn(
                    "probing {} bucket {} with {}: {}",
                    target.endpoint(),
                    target.bucket(),
                    credential.maskedAccessKeyId(),
                    ProbeVerdict.TLS_UNVERIFIED_WARNING);
        }
        OkHttpClient http = httpClient(target);
        ProbeVerdict verdict;
        try {
            verdict = listOneObject(target, credential, sessionToken, http);
        } finally {
            http.connectionPool().evictAll();
        }
        LOG.debug(
                "probed {} bucket {} with {}: {}",
                target.endpoint(),
                target.bucket(),
                credential.maskedAccessKeyId(),
                verdict);
        return verdict;
    }

    /** Stops the dispatcher threads; probes in flight finish or time out. */
    @Override
    public void close() {
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "MinioStoreProbe[" + timeouts + "]";
    }

    private ProbeVerdict listOneObject(
            ProbeTarget target, Credential credential, Optional<SecretValue> sessionToken, OkHttpClient http) {
        MinioClient client = client(target, credential, sessionToken, http);
        ListObjectsArgs list = listArgs(target);
        try {
            Iterator<Result<Item>> items = client.listObjects(list).iterator();
            if (items.hasNext()) {
                items.next().get();
            }
            return new Accepted(target.tlsUnverified());
        } catch (Exception e) {
            ProbeVerdict verdict = new VerdictClassifier(target, timeouts, new SecretScrubber(credential)).classify(e);
            // a library message could quote the session token too
            return sessionToken
                    .map(token -> SecretScrubber.scrubSession(verdict, token))
                    .orElse(verdict);
        }
    }

    private static MinioClient client(
            ProbeTarget target, Credential credential, Optional<SecretValue> sessionToken, OkHttpClient http) {
        MinioClient.Builder builder = MinioClient.builder()
                .endpoint(HttpUrl.get(target.endpoint().toString()))
                .httpClient(http);
        // the one place the secret leaves its wrapper: minio-java signs with it, it is never sent (a session token
        // is: as X-Amz-Security-Token, which temporary keys need)
        if (sessionToken.isPresent()) {
            builder.credentialsProvider(new StaticProvider(
                    credential.accessKeyId(),
                    credential.secret().reveal(),
                    sessionToken.get().reveal()));
        } else {
            builder.credentials(credential.accessKeyId(), credential.secret().reveal());
        }
        target.region().ifPresent(builder::region);
        MinioClient client;
        try {
            client = builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeSettings(
                    "store.endpoint", "'" + target.endpoint() + "' is not usable by the S3 client");
        }
        switch (target.addressing()) {
            case PATH -> client.disableVirtualStyleEndpoint();
            case VIRTUAL_HOST -> client.enableVirtualStyleEndpoint();
            case AUTO -> {}
            default -> throw new IllegalStateException("unknown addressing " + target.addressing());
        }
        return client;
    }

    private static ListObjectsArgs listArgs(ProbeTarget target) {
        try {
            return ListObjectsArgs.builder().bucket(target.bucket()).maxKeys(1).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeSettings("store.bucket", "'" + target.bucket() + "' is not a valid bucket name");
        }
    }

    private OkHttpClient httpClient(ProbeTarget target) {
        // no idle connections: a connection kept from the last probe would skip the handshake that a
        // replaced certificate must go through
        OkHttpClient.Builder builder = base.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS));
        if (target.isHttps()) {
            TlsClient tls = TlsClient.forStore(target.tls(), bareHost(target));
            builder.sslSocketFactory(tls.socketFactory(), tls.trustManager()).hostnameVerifier(tls.hostnameVerifier());
        }
        return builder.build();
    }

    // URI keeps IPv6 literals in brackets; certificates and SNI do not
    private static String bareHost(ProbeTarget target) {
        String host = target.endpoint().getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "credrift-store-probe-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
