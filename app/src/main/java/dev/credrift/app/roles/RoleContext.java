package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.events.Topics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every role is started with.
 *
 * @param kafkaProperties extra client settings from the configuration, secrets already read
 * @param groupPrefix     consumer groups are {@code <groupPrefix>-notifier}, {@code <groupPrefix>-reconciler}
 * @param environment     environment variables, for secrets given as {@code {env: NAME}}
 * @param kubernetes      the process's one Kubernetes client, created on first use
 * @param overrides       adjustments applied last to each role's settings
 */
public record RoleContext(
        Vertx vertx,
        CredriftConfig config,
        Topics topics,
        String groupPrefix,
        BootstrapServers bootstrap,
        Map<String, String> kafkaProperties,
        MeterRegistry registry,
        Function<String, String> environment,
        Supplier<KubernetesClient> kubernetes,
        RoleOverrides overrides) {

    public RoleContext {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(groupPrefix, "groupPrefix");
        Objects.requireNonNull(bootstrap, "bootstrap");
        kafkaProperties = Map.copyOf(kafkaProperties);
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(overrides, "overrides");
    }

    /** Properties for a producer or consumer of a role: the configured extras plus the bootstrap servers. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new HashMap<>(kafkaProperties);
        properties.put("bootstrap.servers", bootstrap.value());
        return properties;
    }
}
