package dev.credrift.app.health;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Kubernetes API answers: {@code GET /version} within the Kubernetes timeout. It uses its own client, made
 * from the process client's configuration without fabric8's request retries — those back off for up to minutes on a
 * refused connection, which would turn "connection refused" into "no answer" and hold start-up.
 */
public final class KubernetesCheck implements AutoCloseable {

    public static final String DEPENDENCY = "kubernetes API";

    private final KubernetesClient probeClient;
    private final String url;
    private final Duration timeout;
    private final Clock clock;

    private KubernetesCheck(KubernetesClient probeClient, String url, Duration timeout, Clock clock) {
        this.probeClient = probeClient;
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
    }

    public static KubernetesCheck of(KubernetesClient client, Duration timeout, Clock clock) {
        int millis = Math.toIntExact(timeout.toMillis());
        Config config = new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(millis)
                .withRequestTimeout(millis)
                .build();
        String url = config.getMasterUrl().endsWith("/") ? config.getMasterUrl() : config.getMasterUrl() + "/";
        return new KubernetesCheck(
                new KubernetesClientBuilder().withConfig(config).build(), url, timeout, clock);
    }

    /** The API server's URL, as the kubeconfig (or in-cluster discovery) gave it. */
    public String url() {
        return url;
    }

    /** One check; never fails: no answer is a {@link Readiness.NotReady} naming the URL and the cause. */
    public Future<Readiness> check() {
        HttpClient http = probeClient.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(url + "version")
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return Future.fromCompletionStage(http.sendAsync(request, String.class))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .map(response -> EndpointReadiness.fromStatus(DEPENDENCY, url, response.code(), clock.instant()))
                .otherwise(
                        failure -> EndpointReadiness.fromFailure(DEPENDENCY, url, failure, timeout, clock.instant()));
    }

    @Override
    public void close() {
        probeClient.close();
    }
}
