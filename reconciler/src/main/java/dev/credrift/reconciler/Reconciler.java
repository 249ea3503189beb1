package dev.credrift.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reconciler: consumes observations, assesses each binding it is nudged about, classifies, plans, heals, and
 * reports (outcomes, audit, state, status, Kubernetes Events, metrics).
 *
 * <pre>{@code
 * Reconciler.deploy(vertx, ReconcilerConfig.defaults(fingerprinter, connectConfig), kubernetesClient,
 *                   "kafka:9092", meterRegistry)
 *           .onSuccess(reconciler -> ...);   // journal read, consuming, open work resumed
 * ...
 * reconciler.stop();
 * }</pre>
 */
public final class Reconciler {

    private final Vertx vertx;
    private final ReconcilerVerticle verticle;
    private final String deploymentId;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Reconciler(Vertx vertx, ReconcilerVerticle verticle, String deploymentId) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.deploymentId = deploymentId;
    }

    /**
     * Deploys a reconciler.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}
     * @param registry         where its metrics go
     * @return completes once the journal is read and observations are being consumed
     */
    public static Future<Reconciler> deploy(
            Vertx vertx,
            ReconcilerConfig config,
            KubernetesClient client,
            String bootstrapServers,
            MeterRegistry registry) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registry, "registry");
        ReconcilerVerticle verticle = new ReconcilerVerticle(config, client, bootstrapServers, registry);
        return vertx.deployVerticle(verticle).map(id -> new Reconciler(vertx, verticle, id));
    }

    /** The Vert.x deployment id. */
    public String deploymentId() {
        return deploymentId;
    }

    /**
     * Stops consuming (committing what is durable), cancels timers and closes the clients. Handlings in flight are
     * not waited for: the journal and the uncommitted offsets let the next reconciler finish them.
     */
    public Future<Void> stop() {
        if (!stopped.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return vertx.undeploy(deploymentId);
    }

    /**
     * Whether its consumer has joined the group and received an assignment (possibly empty: a replica beyond the
     * partition count stands by); until then it cannot receive observations.
     */
    public boolean consumerAssigned() {
        return verticle.consumerAssigned();
    }

    public ReconcilerStats stats() {
        return verticle.stats();
    }
}
