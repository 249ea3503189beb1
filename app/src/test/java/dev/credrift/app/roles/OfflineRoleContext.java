package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.Map;

/** A role context for tests that only derive a role's settings: no Kafka is reached, no Kubernetes client made. */
final class OfflineRoleContext {

    private OfflineRoleContext() {}

    static RoleContext of(Vertx vertx, CredriftConfig config) {
        return new RoleContext(
                vertx,
                config,
                Topics.defaults(),
                "credrift",
                BootstrapServers.parse("localhost:9092"),
                Map.of(),
                new SimpleMeterRegistry(),
                name -> null,
                () -> {
                    throw new AssertionError("no Kubernetes client needed");
                },
                RoleOverrides.NONE);
    }
}
