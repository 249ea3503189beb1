package dev.credrift.sandbox.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.credrift.sandbox.world.spec.ValueTemplate;
import dev.credrift.sandbox.world.spec.WorldObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies world objects like {@code kubectl apply}: placeholders resolved, a Secret's {@code stringData} turned into
 * {@code data} (the API server's job, which the stand-in does not do), a missing namespace defaulted to
 * {@code default}, created or replaced.
 */
final class ObjectApplier {

    private final KubernetesClient client;
    private final Function<String, Optional<String>> placeholders;

    ObjectApplier(KubernetesClient client, Function<String, Optional<String>> placeholders) {
        this.client = client;
        this.placeholders = placeholders;
    }

    /** Creates or replaces the object; the error names the object and where it was written. */
    HasMetadata apply(WorldObject object) {
        ObjectNode manifest = object.manifest().deepCopy();
        try {
            resolve(manifest);
        } catch (IllegalArgumentException e) {
            throw new WorldException(object.location() + ": " + object.describe() + ": " + e.getMessage());
        }
        if ("v1".equals(manifest.path("apiVersion").asText())
                && "Secret".equals(manifest.path("kind").asText())) {
            convertStringData(manifest);
        }
        HasMetadata resource;
        try {
            resource = client.getKubernetesSerialization().unmarshal(manifest.toString());
        } catch (RuntimeException e) {
            throw new WorldException(object.location() + ": " + object.describe() + " is not a valid object ("
                    + e.getClass().getSimpleName() + ")");
        }
        if ((resource instanceof Namespaced || resource instanceof GenericKubernetesResource)
                && resource.getMetadata().getNamespace() == null) {
            resource.getMetadata().setNamespace("default");
        }
        try {
            return client.resource(resource).createOr(existing -> existing.update());
        } catch (KubernetesClientException e) {
            throw new WorldException(object.location() + ": " + object.describe()
                    + ": the Kubernetes stand-in refused it" + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "")
                    + ": " + firstLine(e.getMessage()));
        }
    }

    /** Deletes an object if it exists; returns whether it did. */
    boolean delete(String apiVersion, String kind, String namespace, String name) {
        if ("v1".equals(apiVersion) && "Pod".equals(kind)) {
            return !client.pods().inNamespace(namespace).withName(name).delete().isEmpty();
        }
        return !client.genericKubernetesResources(apiVersion, kind)
                .inNamespace(namespace)
                .withName(name)
                .delete()
                .isEmpty();
    }

    private void resolve(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, resolveText(child.asText()));
                } else {
                    resolve(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, resolveText(array.get(i).asText()));
                } else {
                    resolve(array.get(i));
                }
            }
        }
    }

    private TextNode resolveText(String text) {
        ValueTemplate template = new ValueTemplate(text);
        return TextNode.valueOf(template.hasPlaceholders() ? template.resolve(placeholders) : text);
    }

    private static void convertStringData(ObjectNode secret) {
        JsonNode stringData = secret.get("stringData");
        if (!(stringData instanceof ObjectNode values)) {
            return;
        }
        ObjectNode data = secret.has("data") && secret.get("data").isObject()
                ? (ObjectNode) secret.get("data")
                : secret.putObject("data");
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            data.put(
                    field.getKey(),
                    Base64.getEncoder().encodeToString(field.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        }
        secret.remove("stringData");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
