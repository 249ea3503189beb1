package dev.credrift.app.http;

import dev.credrift.app.health.Readiness;
import dev.credrift.app.metrics.HttpServerMetricsHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusRequestHandler;
import java.util.function.Supplier;

/**
 * Routes for {@code /healthz} (the process answers), {@code /readyz} (the cached verdict over every dependency: 200
 * ready, 200 degraded with the reason, or 503 with the reason naming the failing dependency and its URL) and {@code /metrics} (Prometheus text exposition).
 */
public final class ObservabilityRouter {

    public static final String HEALTH_PATH = "/healthz";
    public static final String READY_PATH = "/readyz";
    public static final String METRICS_PATH = "/metrics";

    private ObservabilityRouter() {}

    public static Router create(Vertx vertx, Supplier<Readiness> readiness, PrometheusMeterRegistry registry) {
        Router router = Router.router(vertx);
        router.route().handler(new HttpServerMetricsHandler(registry));
        router.get(HEALTH_PATH).handler(ObservabilityRouter::health);
        router.get(READY_PATH).handler(context -> ready(context, readiness.get()));
        Handler<HttpServerRequest> scrape = PrometheusRequestHandler.create(registry);
        router.get(METRICS_PATH).handler(context -> scrape.handle(context.request()));
        return router;
    }

    private static void health(RoutingContext context) {
        json(context, 200, new JsonObject().put("status", "alive"));
    }

    private static void ready(RoutingContext context, Readiness readiness) {
        if (readiness instanceof Readiness.NotReady notReady) {
            json(
                    context,
                    503,
                    new JsonObject()
                            .put("status", "not ready")
                            .put("reason", notReady.reason())
                            .put("checkedAt", notReady.checkedAt().toString()));
        } else if (readiness instanceof Readiness.Degraded degraded) {
            json(
                    context,
                    200,
                    new JsonObject()
                            .put("status", "degraded")
                            .put("reason", degraded.reason())
                            .put("checkedAt", degraded.checkedAt().toString()));
        } else {
            json(
                    context,
                    200,
                    new JsonObject()
                            .put("status", "ready")
                            .put("checkedAt", readiness.checkedAt().toString()));
        }
    }

    private static void json(RoutingContext context, int status, JsonObject body) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
