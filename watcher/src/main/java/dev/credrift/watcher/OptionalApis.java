package dev.credrift.watcher;

import dev.credrift.watcher.cluster.ApiDiscovery;
import dev.credrift.watcher.cluster.ClusterCaches;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional APIs (ExternalSecret, CephObjectStoreUser): found when the watcher starts, and looked for again on
 * each resync while one is missing, so that an operator installed after credrift gets its informer then. Discovery
 * blocks, so it runs on the worker; the caches are started back on the loop's context.
 */
final class OptionalApis {

    private static final Logger LOG = LoggerFactory.getLogger(OptionalApis.class);

    private final ApiDiscovery discovery;
    private final ClusterCaches caches;
    private final WorkerExecutor worker;
    private final Context context;

    OptionalApis(ApiDiscovery discovery, ClusterCaches caches, WorkerExecutor worker, Context context) {
        this.discovery = discovery;
        this.caches = caches;
        this.worker = worker;
        this.context = context;
    }

    /** Discovers both APIs and starts the informers that sync before the watcher counts as started. */
    Future<Void> startStatic() {
        return worker.executeBlocking(() -> new Apis(discovery.externalSecrets(), discovery.rookUsers()), false)
                .compose(apis -> {
                    LOG.info(
                            "Watch: ExternalSecret API {}, CephObjectStoreUser API {}",
                            apis.externalSecrets()
                                    .map(a -> a.getGroup() + "/" + a.getVersion())
                                    .orElse("not served"),
                            apis.rookUsers()
                                    .map(a -> a.getGroup() + "/" + a.getVersion())
                                    .orElse("not served"));
                    return Future.fromCompletionStage(
                            caches.startStatic(apis.externalSecrets(), apis.rookUsers()), context);
                });
    }

    /** Looks again for an API not served so far; {@code cached} runs on the loop once a late informer has synced. */
    void discoverLate(Runnable cached) {
        boolean needEs = !caches.externalSecretsServed();
        boolean needRook = !caches.rookUsersServed();
        if (!needEs && !needRook) {
            return;
        }
        worker.executeBlocking(
                        () -> new Apis(
                                needEs ? discovery.externalSecrets() : Optional.empty(),
                                needRook ? discovery.rookUsers() : Optional.empty()),
                        false)
                .onSuccess(apis -> {
                    List<CompletableFuture<Void>> started = new ArrayList<>();
                    apis.externalSecrets().ifPresent(api -> started.add(caches.startExternalSecretsLate(api)));
                    apis.rookUsers().ifPresent(api -> started.add(caches.startRookUsersLate(api)));
                    if (!started.isEmpty()) {
                        Future.fromCompletionStage(
                                        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)), context)
                                .onSuccess(v -> cached.run());
                    }
                });
    }

    /** The APIs discovery found. */
    private record Apis(
            Optional<ResourceDefinitionContext> externalSecrets, Optional<ResourceDefinitionContext> rookUsers) {}
}
