package dev.credrift.sandbox.emulate.workload;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.credrift.sandbox.emulate.StatusWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a workload's status subresource when the fields a controller owns differ from what is there. */
final class StatusPatcher {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPatcher.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private StatusPatcher() {}

    /** Returns whether it wrote. */
    static <T extends HasMetadata> boolean patchIfChanged(
            Resource<T> resource, Object currentStatus, Map<String, Object> desired) {
        Map<String, Object> normalized = Serialization.jsonMapper().convertValue(desired, MAP);
        Map<String, Object> current =
                currentStatus == null ? Map.of() : Serialization.jsonMapper().convertValue(currentStatus, MAP);
        boolean same =
                normalized.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), current.get(e.getKey())));
        if (same) {
            return false;
        }
        if (LOG.isDebugEnabled()) {
            normalized.forEach((k, v) -> {
                if (!Objects.equals(v, current.get(k))) {
                    LOG.debug("status field {} changes from {} to {}", k, current.get(k), v);
                }
            });
        }
        try {
            Map<String, Object> merged = new LinkedHashMap<>(current);
            merged.putAll(normalized);
            StatusWriter.replace(resource, merged);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                LOG.warn("cannot update a workload status: HTTP {}", e.getCode());
            }
            return false;
        }
    }
}
