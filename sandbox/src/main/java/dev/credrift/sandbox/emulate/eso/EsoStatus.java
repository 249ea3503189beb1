package dev.credrift.sandbox.emulate.eso;

import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.StatusWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ExternalSecret's status as ESO writes it: the {@code Ready} condition (its transition time kept while the
 * status stays), {@code refreshTime}, {@code syncedResourceVersion} and {@code binding} after a sync; a failure
 * leaves the last two as they were, so the next reconcile tries again.
 */
final class EsoStatus {

    private static final Logger LOG = LoggerFactory.getLogger(EsoStatus.class);

    private final KubernetesClient client;

    EsoStatus(KubernetesClient client) {
        this.client = client;
    }

    /** {@code Ready=True SecretSynced}, stamped {@code at}, with the object's current resource version. */
    void synced(GenericKubernetesResource object, ExternalSecretState es, Instant at) {
        write(
                object,
                es,
                ready(object, "True", EsoEmulator.REASON_SYNCED, "secret synced", at),
                Optional.of(at),
                Optional.of(es.currentResourceVersion()));
    }

    /** {@code Ready=False SecretSyncedError}; {@code es} is null when the object could not be read. */
    void failed(GenericKubernetesResource object, ExternalSecretState es, String message, Instant at) {
        write(
                object,
                es,
                ready(object, "False", EsoEmulator.REASON_SYNCED_ERROR, message, at),
                Optional.empty(),
                Optional.empty());
    }

    private static Map<String, Object> ready(
            GenericKubernetesResource object, String status, String reason, String message, Instant now) {
        String transition = now.truncatedTo(ChronoUnit.SECONDS).toString();
        for (Map<String, Object> existing : conditions(object)) {
            if (EsoEmulator.READY.equals(existing.get("type"))
                    && status.equals(existing.get("status"))
                    && existing.get("lastTransitionTime") instanceof String previous) {
                transition = previous;
            }
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", EsoEmulator.READY);
        condition.put("status", status);
        condition.put("reason", reason);
        condition.put("message", message);
        condition.put("lastTransitionTime", transition);
        return condition;
    }

    private void write(
            GenericKubernetesResource object,
            ExternalSecretState es,
            Map<String, Object> ready,
            Optional<Instant> refreshTime,
            Optional<String> syncedResourceVersion) {
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Map<String, Object> existing : conditions(object)) {
            if (!EsoEmulator.READY.equals(existing.get("type"))) {
                conditions.add(existing);
            }
        }
        conditions.add(ready);
        Map<String, Object> current = object.get("status");
        if (current != null && refreshTime.isEmpty() && Objects.equals(current.get("conditions"), conditions)) {
            return;
        }
        Map<String, Object> status = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        status.put("conditions", conditions);
        refreshTime.ifPresent(
                t -> status.put("refreshTime", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        syncedResourceVersion.ifPresent(v -> status.put("syncedResourceVersion", v));
        if (es != null && refreshTime.isPresent() && !"None".equals(es.creationPolicy())) {
            status.put("binding", Map.of("name", es.targetName()));
        }
        try {
            StatusWriter.replace(
                    client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                            .inNamespace(object.getMetadata().getNamespace())
                            .withName(object.getMetadata().getName()),
                    status);
        } catch (KubernetesClientException e) {
            LOG.warn(
                    "ESO: unable to patch status of ExternalSecret {}/{}: HTTP {}",
                    object.getMetadata().getNamespace(),
                    object.getMetadata().getName(),
                    e.getCode());
        }
    }

    /** The object's {@code status.conditions}, the malformed entries left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> conditions(GenericKubernetesResource object) {
        Object raw = object.get("status", "conditions");
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                result.add((Map<String, Object>) map);
            }
        }
        return result;
    }
}
