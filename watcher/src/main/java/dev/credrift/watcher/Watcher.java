package dev.credrift.watcher;

import dev.credrift.watcher.metrics.WatcherMetrics;
import dev.credrift.watcher.publish.KafkaObservationSink;
import dev.credrift.watcher.publish.ObservationSink;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The watcher: turns cluster changes into observation events on Kafka, keyed by binding id.
 *
 * <pre>{@code
 * Watcher.start(WatcherConfig.defaults(fingerprinter), kubernetesClient, vertx,
 *               Map.of("bootstrap.servers", "kafka:9092"))
 *        .onSuccess(watcher -> ...);          // caches synced, startup resync under way
 * ...
 * watcher.stop();                              // informers stopped, queue flushed, lease released
 * }</pre>
 *
 * <p>It watches CredentialBindings and what they name (Rook user Secrets and CephObjectStoreUsers, ExternalSecrets
 * and their target Secrets, any Secret a binding names, and the pods of the bindings' namespaces), and publishes
 * per binding: {@code BindingChanged}, source and replica fingerprints, the ExternalSecret's status, consumer
 * readiness, and a resync of every binding once the caches have synced and then periodically. Bad input becomes
 * typed problems in the observations and a {@code Valid=False} condition on the binding, never an exception. With
 * leader election on, only the replica holding the Lease emits.
 */
public final class Watcher {

    private final Vertx vertx;
    private final WatchLoop loop;
    private final String deploymentId;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Watcher(Vertx vertx, WatchLoop loop, String deploymentId) {
        this.vertx = vertx;
        this.loop = loop;
        this.deploymentId = deploymentId;
    }

    /**
     * Starts a watcher publishing through its own Kafka producer.
     *
     * @param kafkaProducerConfig producer settings, at least {@code bootstrap.servers}; they override
     *                            {@link KafkaObservationSink#DEFAULTS}
     * @return completes when the caches have synced (the startup resync is then under way)
     */
    public static Future<Watcher> start(
            WatcherConfig config, KubernetesClient client, Vertx vertx, Map<String, String> kafkaProducerConfig) {
        return start(config, client, vertx, KafkaObservationSink.create(vertx, kafkaProducerConfig));
    }

    /**
     * Starts a watcher publishing through its own Kafka producer, with its metrics on {@code registry}.
     *
     * @return completes when the caches have synced (the startup resync is then under way)
     */
    public static Future<Watcher> start(
            WatcherConfig config,
            KubernetesClient client,
            Vertx vertx,
            Map<String, String> kafkaProducerConfig,
            MeterRegistry registry) {
        return start(config, client, vertx, KafkaObservationSink.create(vertx, kafkaProducerConfig), registry);
    }

    /**
     * Starts a watcher publishing to {@code sink} (closed when the watcher stops).
     *
     * @return completes when the caches have synced (the startup resync is then under way)
     */
    public static Future<Watcher> start(
            WatcherConfig config, KubernetesClient client, Vertx vertx, ObservationSink sink) {
        // an empty composite registry records nothing
        return start(config, client, vertx, sink, new CompositeMeterRegistry());
    }

    /**
     * Starts a watcher publishing to {@code sink} (closed when the watcher stops), with its metrics on
     * {@code registry}.
     *
     * @return completes when the caches have synced (the startup resync is then under way)
     */
    public static Future<Watcher> start(
            WatcherConfig config, KubernetesClient client, Vertx vertx, ObservationSink sink, MeterRegistry registry) {
        Objects.requireNonNull(vertx, "vertx");
        WatchLoop loop = new WatchLoop(config, client, sink, new WatcherMetrics(registry));
        return vertx.deployVerticle(loop).compose(id -> {
            Watcher watcher = new Watcher(vertx, loop, id);
            return loop.synced().map(v -> watcher).recover(e -> watcher.stop().transform(ar -> Future.failedFuture(e)));
        });
    }

    /** Stops informers, publishes what is pending (up to the shutdown timeout), closes the sink, releases the lease. */
    public Future<Void> stop() {
        if (!stopped.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return vertx.undeploy(deploymentId);
    }

    /** Whether this replica emits (holds the lease, or election is off). */
    public boolean isLeader() {
        return loop.stats().leader();
    }

    /** Whether the caches have synced. */
    public boolean isSynced() {
        return loop.stats().synced();
    }

    /** A snapshot for health and metrics. */
    public WatcherStats stats() {
        return loop.stats();
    }
}
