package dev.credrift.notifier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * The notifier: reads {@code credrift.outcomes} in its own consumer group and tells people what drifted
 * and what was done, on Slack and signed webhooks. It never writes anything the reconciler waits for,
 * so a slow or broken sink cannot slow remediation down.
 *
 * <pre>{@code
 * NotifierConfig config = NotifierConfig.of(List.of(
 *         SinkConfig.slack("slack-oncall", SecretSource.file(Path.of("/etc/credrift/slack/url"))),
 *         SinkConfig.webhook("audit-hook", SecretSource.env("AUDIT_HOOK_URL"), SecretSource.env("AUDIT_HOOK_KEY"))))
 *     .withRoutes(List.of(RouteRule.to("slack-oncall").withMinSeverity(Severity.WARNING), RouteRule.to("audit-hook")));
 * Notifier notifier = Notifier.start(vertx, config, "kafka:9092").toCompletionStage().toCompletableFuture().join();
 * ...
 * notifier.stop();
 * }</pre>
 *
 * <p>Delivery is at least once: a record's offset is committed only once every notification it led to
 * was delivered or dead-lettered (with a {@code NotificationFailed} event), so nothing is lost across
 * restarts, rebalances or broker outages; repeats carry the same {@code Idempotency-Key}.
 */
public final class Notifier {

    private final Vertx vertx;
    private final String deploymentId;
    private final NotifierVerticle verticle;

    private Notifier(Vertx vertx, String deploymentId, NotifierVerticle verticle) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.verticle = verticle;
    }

    /** Starts with the system clock, no binding labels and secrets from the process environment and files. */
    public static Future<Notifier> start(Vertx vertx, NotifierConfig config, String bootstrapServers) {
        return start(vertx, config, bootstrapServers, NotifierEnvironment.system());
    }

    /**
     * Starts: reads the sinks' secrets, connects to Kafka and subscribes. Fails with an
     * {@link dev.credrift.notifier.config.InvalidNotifierConfig} if a secret cannot be read or a URL is bad.
     */
    public static Future<Notifier> start(
            Vertx vertx, NotifierConfig config, String bootstrapServers, NotifierEnvironment environment) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(environment, "environment");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            return Future.failedFuture(new IllegalArgumentException("bootstrapServers must not be blank"));
        }
        NotifierVerticle verticle = new NotifierVerticle(config, bootstrapServers, environment);
        return vertx.deployVerticle(verticle).map(id -> new Notifier(vertx, id, verticle));
    }

    /**
     * Stops: deliveries in flight are abandoned (their records are read again by whoever reads the
     * partition next), delivered offsets are committed, Kafka clients close.
     */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }

    /** Counters since start. */
    public NotifierStats stats() {
        return verticle.stats();
    }
}
