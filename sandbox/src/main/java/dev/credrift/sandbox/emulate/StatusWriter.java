package dev.credrift.sandbox.emulate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/**
 * Writes a whole {@code status} through the status subresource.
 *
 * <p>Why JSON Patch ({@code add /status}) and not the JSON merge patch the real controllers send: the fabric8 mock
 * server (7.8) <em>appends</em> to arrays in a JSON merge patch instead of replacing them, so every status write
 * would grow {@code conditions} and {@code containerStatuses}. A JSON Patch that sets the whole status gives the
 * result a real API server gives to the controllers' merge patches.
 */
public final class StatusWriter {

    private StatusWriter() {}

    /** Replaces the object's status with {@code status}. */
    public static <T extends HasMetadata> void replace(Resource<T> resource, Map<String, Object> status) {
        resource.subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        Serialization.asJson(List.of(Map.of("op", "add", "path", "/status", "value", status))));
    }
}
