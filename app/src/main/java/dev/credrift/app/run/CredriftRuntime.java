package dev.credrift.app.run;

import dev.credrift.app.config.SecretUnavailableException;
import dev.credrift.app.health.ReadinessBoard;
import dev.credrift.app.health.ReadinessMonitor;
import dev.credrift.app.http.ObservabilityRouter;
import dev.credrift.app.kafka.AsyncTopicAdmin;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.KafkaEndpoint;
import dev.credrift.app.kafka.KafkaFallback;
import dev.credrift.app.kafka.KafkaNotConfiguredException;
import dev.credrift.app.kafka.TopicAdministrator;
import dev.credrift.app.metrics.AppMetrics;
import dev.credrift.app.roles.LazyKubernetesClient;
import dev.credrift.app.roles.Role;
import dev.credrift.app.roles.RoleContext;
import dev.credrift.app.roles.RoleOverrides;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts credrift in a fixed order — Kafka (the {@link KafkaFallback} if none was given), metrics, Vert.x, the HTTP endpoint, topic
 * set-up, background readiness, the roles (notifier, reconciler, watcher) — and hands back a {@link RunningCredrift}
 * that stops it in the reverse-dependency order. If any step fails, what was already started is stopped before the
 * error is thrown.
 */
public final class CredriftRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(CredriftRuntime.class);
    /** The watcher waits for its informers to sync; on a slow API server that takes a while. */
    private static final Duration ROLE_START_BOUND = Duration.ofMinutes(2);

    private static final RetryBackoff TOPIC_RETRY = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private CredriftRuntime() {}

    /** The production start: without a configured Kafka it refuses. */
    public static RunningCredrift start(RunSettings settings) {
        return start(settings, KafkaFallback.REFUSE, Clock.systemUTC());
    }

    /**
     * @param kafkaFallback what to do when no Kafka is configured
     * @throws CredriftStartupException naming the step that failed (Kafka, the HTTP port, the topics)
     */
    public static RunningCredrift start(RunSettings settings, KafkaFallback kafkaFallback, Clock clock) {
        return start(settings, kafkaFallback, clock, new CompletableFuture<>());
    }

    /**
     * @param abort completing it (SIGTERM during start-up) ends the start at its next wait: what was started is
     *              stopped and {@link CredriftStartupException} is thrown, so that shutdown never waits on a slow start
     */
    public static RunningCredrift start(
            RunSettings settings, KafkaFallback kafkaFallback, Clock clock, CompletableFuture<Void> abort) {
        long startedAt = System.nanoTime();
        RunningCredrift.Parts parts = new RunningCredrift.Parts(settings.shutdownTimeout());
        Waits waits = new Waits(abort);
        try {
            RoleLaunch.checkLocalFiles(settings.config(), settings.roles());
            parts.kafka = kafka(settings, kafkaFallback);
            BootstrapServers bootstrap = parts.kafka.bootstrapServers();
            parts.metrics = AppMetrics.create();
            parts.vertx = Vertx.builder()
                    .with(parts.metrics.vertxOptions())
                    .withMetrics(parts.metrics.vertxMetricsFactory())
                    .build();
            Map<String, String> kafkaProperties = kafkaProperties(settings);
            parts.administrator = new TopicAdministrator(bootstrap, settings.kafkaTimeout(), kafkaProperties);
            parts.admin = new AsyncTopicAdmin(parts.vertx, parts.administrator);
            parts.board = new ReadinessBoard(clock, parts.metrics.registry());
            parts.readiness = ReadinessMonitor.kafka(
                    parts.vertx,
                    parts.admin,
                    settings.topics().names(),
                    settings.readinessInterval(),
                    settings.kafkaTimeout(),
                    clock);
            parts.board.add("kafka", ReadinessBoard.Impact.UNREADY, parts.readiness::current);
            parts.httpServer = listen(parts, settings, waits);
            LOG.info(
                    "HTTP endpoint on {}:{} (/healthz, /readyz, /metrics)",
                    settings.httpHost(),
                    parts.httpServer.actualPort());

            parts.provisioner = new TopicProvisioner(
                    parts.vertx, parts.admin, settings.topics().specs(), TOPIC_RETRY);
            waits.await(
                    parts.provisioner.start(), provisioningBound(settings), "setting up kafka topics at " + bootstrap);
            parts.readiness.start();
            settings.roleNotices().forEach(notice -> LOG.warn("{}", notice));
            parts.kubernetes = LazyKubernetesClient.of(settings.config().kubernetes());
            RoleContext context = new RoleContext(
                    parts.vertx,
                    settings.config(),
                    settings.topics().topics(),
                    settings.groupPrefix(),
                    bootstrap,
                    kafkaProperties,
                    parts.metrics.registry(),
                    settings.environment(),
                    parts.kubernetes,
                    RoleOverrides.NONE);
            parts.roles = new RoleLaunch(context, settings.roles());
            Future<Void> kubernetesAnswers = parts.roles.needsKubernetes()
                    ? DependencyChecks.kubernetes(parts, settings, clock, waits)
                    : Future.succeededFuture();
            RoleLaunch roles = parts.roles;
            parts.board.add("roles", ReadinessBoard.Impact.UNREADY, () -> roles.readiness(clock.instant()));
            if (parts.roles.needsKubernetes()) {
                DependencyChecks.onePassword(parts, settings, clock);
            }
            if (kubernetesAnswers.succeeded()) {
                waits.await(parts.roles.startAll(), ROLE_START_BOUND, "starting the roles");
            } else {
                waits.await(parts.roles.startDeferred(kubernetesAnswers), ROLE_START_BOUND, "starting the roles");
            }
            LOG.info(
                    "credrift started in {} ms; roles: {}{}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
                    parts.roles.running().isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    parts.roles.running().stream()
                                            .map(Role::label)
                                            .toList()),
                    kubernetesAnswers.succeeded() ? "" : "; waiting for the kubernetes API to start the others");
            return new RunningCredrift(parts);
        } catch (CredriftStartupException e) {
            parts.close();
            throw e;
        } catch (RuntimeException e) {
            parts.close();
            throw new CredriftStartupException(e.getMessage(), e);
        }
    }

    private static Map<String, String> kafkaProperties(RunSettings settings) {
        try {
            return settings.config().kafka().resolveProperties(settings.environment());
        } catch (SecretUnavailableException e) {
            throw new CredriftStartupException(e.getMessage(), e);
        }
    }

    private static KafkaEndpoint kafka(RunSettings settings, KafkaFallback fallback) {
        if (settings.kafka().isPresent()) {
            LOG.info("using Kafka at {}", settings.kafka().get());
            return new KafkaEndpoint.External(settings.kafka().get());
        }
        try {
            return fallback.start();
        } catch (KafkaNotConfiguredException e) {
            throw new CredriftStartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CredriftStartupException("cannot start a local Kafka broker: " + e.getMessage(), e);
        }
    }

    private static HttpServer listen(RunningCredrift.Parts parts, RunSettings settings, Waits waits) {
        Future<HttpServer> listening = parts.vertx
                .createHttpServer(
                        new HttpServerOptions().setHost(settings.httpHost()).setPort(settings.httpPort()))
                .requestHandler(ObservabilityRouter.create(parts.vertx, parts.board::current, parts.metrics.registry()))
                .listen();
        return waits.await(
                listening, Duration.ofSeconds(30), "listening on " + settings.httpHost() + ":" + settings.httpPort());
    }

    /** list + create + describe, each bounded by the Kafka timeout, plus slack for the worker hand-off. */
    private static Duration provisioningBound(RunSettings settings) {
        return settings.kafkaTimeout().multipliedBy(4).plusSeconds(5);
    }
}
