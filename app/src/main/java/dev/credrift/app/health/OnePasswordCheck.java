package dev.credrift.app.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether 1Password Connect answers: {@code GET /heartbeat} (unauthenticated: no token on this path) within the
 * timeout. Its failure degrades credrift — vault hops cannot be read or healed — but does not make it unready.
 */
public final class OnePasswordCheck implements AutoCloseable {

    public static final String DEPENDENCY = "1Password Connect";

    private final HttpClientAgent http;
    private final String url;
    private final Duration timeout;
    private final Clock clock;

    private OnePasswordCheck(HttpClientAgent http, String url, Duration timeout, Clock clock) {
        this.http = http;
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @param caFile the private CA of an https Connect server, if any */
    public static OnePasswordCheck of(Vertx vertx, URI url, Optional<Path> caFile, Duration timeout, Clock clock) {
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout(Math.toIntExact(timeout.toMillis()));
        caFile.ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return new OnePasswordCheck(vertx.createHttpClient(options), base, timeout, clock);
    }

    /** One check; never fails: no answer is a {@link Readiness.NotReady} naming the URL and the cause. */
    public Future<Readiness> check() {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url + "heartbeat")
                .setIdleTimeout(timeout.toMillis());
        return http.request(request)
                .compose(sent -> sent.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .map(status -> EndpointReadiness.fromStatus(DEPENDENCY, url, status, clock.instant()))
                .otherwise(
                        failure -> EndpointReadiness.fromFailure(DEPENDENCY, url, failure, timeout, clock.instant()));
    }

    @Override
    public void close() {
        http.close();
    }
}
