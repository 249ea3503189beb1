package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.fixtures.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An informer whose requests fail (the API server unreachable for it for a while) is logged with a reconciliation-style
 * context and retried, the watcher does not report itself synced meanwhile, and it recovers on its own.
 */
class InformerFailureIT extends WatcherITBase {

    private static final String NS = "monitoring";
    private static final BindingId LOKI = BindingId.of(NS, "loki-s3");
    private static final String UNREACHABLE = "http://127.0.0.1:1";

    @Test
    void shouldLogWithContextRetryAndRecoverWhenTheSecretInformerFails() throws Exception {
        String key = world.plantKeyId();
        String secret = world.plant("loki");
        world.rookUser("loki", key, secret);
        world.externalSecret(NS, "loki-s3-credentials", key, secret);
        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", "loki-s3-credentials"));
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        KubernetesClient client = kube.newClient(builder -> builder.editOrNewConfig()
                .withRequestRetryBackoffLimit(0)
                .endConfig()
                .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("fail-secrets", new Interceptor() {
                    @Override
                    public void before(BasicBuilder request, HttpRequest original, RequestTags tags) {
                        // the label-selected Secret list (and watch) across the cluster: sent to a closed port while
                        // failing, as if the API server could not be reached
                        if (failing.get() && original.uri().getPath().equals("/api/v1/secrets")) {
                            failed.incrementAndGet();
                            request.uri(URI.create(UNREACHABLE + original.uri().getRawPath() + "?"
                                    + original.uri().getRawQuery()));
                        }
                    }
                })));

        CompletableFuture<Watcher> started = Watcher.start(
                        config(), client, vertx, Map.of("bootstrap.servers", kafka.bootstrapServers()))
                .toCompletionStage()
                .toCompletableFuture();
        await().atMost(Duration.ofSeconds(60)).until(() -> failed.get() >= 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> logs.lines().stream()
                        .anyMatch(l -> l.contains(
                                "Watch(secret app=rook-ceph-rgw in all namespaces): list failed, retrying")));
        assertThat(started).as("not synced while an informer cannot list").isNotDone();

        failing.set(false);
        Watcher watcher = started.get(120, TimeUnit.SECONDS);
        watchers.add(watcher);
        assertThat(watcher.isSynced()).isTrue();
        observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        SourceSecretObserved source = observations.await(
                0, SourceSecretObserved.class, s -> s.bindingId().equals(LOKI) && s.credential() != null);
        assertThat(source.credential().fingerprint()).isEqualTo(fingerprint(key, secret));

        // and it keeps watching
        String key2 = world.plantKeyId();
        String secret2 = world.plant("loki-2");
        world.rotateRook("loki", key2, secret2);
        Fingerprint rotated = fingerprint(key2, secret2);
        observations.await(
                0,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(LOKI)
                        && s.credential() != null
                        && rotated.equals(s.credential().fingerprint()));
        assertThat(logs.lines())
                .filteredOn(l -> l.contains("failed, retrying"))
                .isNotEmpty()
                .allMatch(l -> l.contains("Watch(secret ") && l.contains("failed, retrying: ConnectException"));
    }
}
