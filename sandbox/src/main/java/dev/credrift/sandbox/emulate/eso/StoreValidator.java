package dev.credrift.sandbox.emulate.eso;

import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.ObjectKey;
import dev.credrift.sandbox.emulate.StatusWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESO's store controllers: validates a SecretStore's or ClusterSecretStore's provider (at most every 30 s unless its
 * generation changed) and reports {@code Ready} ({@code Valid} / {@code ValidationFailed}) on its status.
 */
final class StoreValidator {

    private static final Logger LOG = LoggerFactory.getLogger(StoreValidator.class);
    private static final Duration REVALIDATION = Duration.ofSeconds(30);
    /** The namespace key under which cluster-scoped stores are remembered. */
    private static final String CLUSTER = "";

    private final KubernetesClient client;
    private final Clock clock;
    private final SecretSource.Resolver sources;
    private final Map<ObjectKey, Validation> validated = new ConcurrentHashMap<>();

    private record Validation(long generation, Instant at) {}

    StoreValidator(KubernetesClient client, Clock clock, SecretSource.Resolver sources) {
        this.client = client;
        this.clock = clock;
        this.sources = sources;
    }

    /** Forgets the last validation of a SecretStore (it changed). */
    void forget(ObjectKey store) {
        validated.remove(store);
    }

    /** Every SecretStore and ClusterSecretStore. */
    void validateAll() {
        for (GenericKubernetesResource store : client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inAnyNamespace()
                .list()
                .getItems()) {
            validate(ObjectKey.of(store));
        }
        for (GenericKubernetesResource store : client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                .list()
                .getItems()) {
            validate(new ObjectKey(CLUSTER, store.getMetadata().getName()), store, "ClusterSecretStore");
        }
    }

    /** One SecretStore. */
    void validate(ObjectKey key) {
        GenericKubernetesResource store = client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inNamespace(key.namespace())
                .withName(key.name())
                .get();
        validate(key, store, "SecretStore");
    }

    private void validate(ObjectKey key, GenericKubernetesResource store, String kind) {
        if (store == null) {
            validated.remove(key);
            return;
        }
        long generation = store.getMetadata().getGeneration() == null
                ? 0
                : store.getMetadata().getGeneration();
        Instant now = clock.instant();
        Validation last = validated.get(key);
        if (last != null
                && last.generation() == generation
                && now.isBefore(last.at().plus(REVALIDATION))) {
            return;
        }
        validated.put(key, new Validation(generation, now));
        String status;
        String reason;
        String message;
        try {
            // a ClusterSecretStore is checked as a SecretStore in no namespace would be: its token names one
            sources.resolve(key.namespace(), kind, key.name()).validate();
            status = "True";
            reason = "Valid";
            message = "store validated";
        } catch (ProviderException e) {
            status = "False";
            reason = "ValidationFailed";
            message = "unable to validate store";
            LOG.warn("ESO: {} {} is not valid: {}", kind, key, e.getMessage());
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", EsoEmulator.READY);
        condition.put("status", status);
        condition.put("reason", reason);
        condition.put("message", message);
        condition.put("lastTransitionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
        for (Map<String, Object> existing : EsoStatus.conditions(store)) {
            if (EsoEmulator.READY.equals(existing.get("type")) && status.equals(existing.get("status"))) {
                if (reason.equals(existing.get("reason"))) {
                    return;
                }
                condition.put("lastTransitionTime", existing.get("lastTransitionTime"));
            }
        }
        Resource<GenericKubernetesResource> resource = CLUSTER.equals(key.namespace())
                ? client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                        .withName(key.name())
                : client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                        .inNamespace(key.namespace())
                        .withName(key.name());
        try {
            StatusWriter.replace(resource, Map.of("conditions", List.of(condition), "capabilities", "ReadWrite"));
        } catch (KubernetesClientException e) {
            LOG.warn("ESO: unable to patch status of {} {}: HTTP {}", kind, key, e.getCode());
        }
    }
}
