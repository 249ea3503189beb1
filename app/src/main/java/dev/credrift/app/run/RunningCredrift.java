package dev.credrift.app.run;

import dev.credrift.app.health.KubernetesCheck;
import dev.credrift.app.health.OnePasswordCheck;
import dev.credrift.app.health.Readiness;
import dev.credrift.app.health.ReadinessBoard;
import dev.credrift.app.health.ReadinessMonitor;
import dev.credrift.app.kafka.AsyncTopicAdmin;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.KafkaEndpoint;
import dev.credrift.app.kafka.TopicAdministrator;
import dev.credrift.app.metrics.AppMetrics;
import dev.credrift.app.roles.LazyKubernetesClient;
import dev.credrift.app.roles.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started credrift. {@link #close()} stops it in this order, each step bounded: background work, HTTP server,
 * Vert.x, Kafka admin client, a broker this process started (local launcher only), metrics. The HTTP server goes first so load balancers stop sending
 * traffic before anything it reports on disappears; the broker goes last among the Kafka parts because the admin
 * client would otherwise spend its close timeout trying to reach it.
 */
public final class RunningCredrift implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningCredrift.class);

    private final Parts parts;

    RunningCredrift(Parts parts) {
        this.parts = parts;
    }

    /** The port the HTTP endpoint listens on (useful with {@code --http-port 0}). */
    public int httpPort() {
        return parts.httpServer.actualPort();
    }

    public BootstrapServers bootstrapServers() {
        return parts.kafka.bootstrapServers();
    }

    /** True when this process started its own broker (the local launcher without a configured Kafka). */
    public boolean embeddedKafka() {
        return parts.kafka.ownsBroker();
    }

    /** The roles running, in start order. */
    public List<Role> roles() {
        return parts.roles == null ? List.of() : parts.roles.running();
    }

    /** The verdict {@code /readyz} reports right now. */
    public Readiness readiness() {
        return parts.board.current();
    }

    /**
     * Completes exceptionally if credrift has to stop on its own (a topic turned out incompatible, a role started in
     * the background failed); never normally.
     */
    public CompletionStage<Void> fatal() {
        return Future.all(parts.provisioner.fatal(), parts.roles.fatal())
                .<Void>mapEmpty()
                .toCompletionStage();
    }

    /** Stops everything; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        parts.close();
    }

    /** What has been started so far; filled in by {@link CredriftRuntime}, so a failed start can close a prefix. */
    static final class Parts {
        private final Duration shutdownTimeout;
        private boolean closed;
        KafkaEndpoint kafka;
        AppMetrics metrics;
        Vertx vertx;
        TopicAdministrator administrator;
        AsyncTopicAdmin admin;
        ReadinessMonitor readiness;
        ReadinessBoard board;
        HttpServer httpServer;
        TopicProvisioner provisioner;
        LazyKubernetesClient kubernetes;
        KubernetesCheck kubernetesCheck;
        ReadinessMonitor kubernetesMonitor;
        OnePasswordCheck onePasswordCheck;
        ReadinessMonitor onePasswordMonitor;
        RoleLaunch roles;

        Parts(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            long startedAt = System.nanoTime();
            ShutdownSequence shutdown = new ShutdownSequence(shutdownTimeout);
            if (roles != null) {
                shutdown.await("roles", () -> roles.stop().toCompletionStage());
            }
            for (ReadinessMonitor monitor : new ReadinessMonitor[] {readiness, kubernetesMonitor, onePasswordMonitor}) {
                if (monitor != null) {
                    monitor.stop();
                }
            }
            if (provisioner != null) {
                provisioner.stop();
            }
            if (httpServer != null) {
                shutdown.await("HTTP server", () -> httpServer.close().toCompletionStage());
            }
            if (admin != null) {
                admin.close();
            }
            if (vertx != null) {
                shutdown.await("Vert.x", () -> vertx.close().toCompletionStage());
            }
            if (onePasswordCheck != null) {
                shutdown.run("1Password Connect check", onePasswordCheck::close);
            }
            if (kubernetesCheck != null) {
                shutdown.run("Kubernetes API check", kubernetesCheck::close);
            }
            if (kubernetes != null) {
                shutdown.run("Kubernetes client", kubernetes::close);
            }
            if (administrator != null) {
                shutdown.run("Kafka admin client", () -> administrator.close(Duration.ofSeconds(5)));
            }
            if (kafka != null) {
                shutdown.run("Kafka endpoint", kafka::close);
            }
            if (metrics != null) {
                shutdown.run("metrics", metrics::close);
            }
            LOG.info("credrift stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        }
    }
}
