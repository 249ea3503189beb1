package dev.credrift.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every HTTP request as {@code http.server.requests} (method, route, status). vertx-micrometer-metrics 5.0.x
 * implements the Vert.x 5.0 metrics SPI, whose HTTP and TCP server hooks changed signature in Vert.x 5.1, so with
 * Vert.x 5.1 it silently records no HTTP server metrics; this handler fills that gap until a matching release exists.
 * The route tag is the matched route's path, never the raw request path, so a scanner cannot explode cardinality.
 */
public final class HttpServerMetricsHandler implements Handler<RoutingContext> {

    public static final String METER = "http.server.requests";
    private static final String UNMATCHED = "other";

    private final MeterRegistry registry;

    public HttpServerMetricsHandler(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext context) {
        Timer.Sample sample = Timer.start(registry);
        context.addEndHandler(ignored -> sample.stop(Timer.builder(METER)
                .description("HTTP requests served by credrift's endpoint")
                .tag("method", context.request().method().name())
                .tag("route", route(context))
                .tag("status", Integer.toString(context.response().getStatusCode()))
                .register(registry)));
        context.next();
    }

    private static String route(RoutingContext context) {
        Route route = context.currentRoute();
        return route == null || route.getPath() == null ? UNMATCHED : route.getPath();
    }
}
