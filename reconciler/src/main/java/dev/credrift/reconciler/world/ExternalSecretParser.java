package dev.credrift.reconciler.world;

import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.SecretSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the reconciler needs from an untyped ExternalSecret ({@code external-secrets.io} v1 or v1beta1: the
 * fields used are the same). Never throws on a malformed object: missing parts get ESO's defaults.
 */
final class ExternalSecretParser {

    private ExternalSecretParser() {}

    /**
     * @param fields the vault field labels the binding names, to find which replica keys they land in; {@code null}
     *               when the binding has no vault
     */
    static ExternalSecretState parse(GenericKubernetesResource es, OnePasswordFields fields) {
        String namespace = es.getMetadata().getNamespace();
        String name = es.getMetadata().getName();
        Map<String, Object> root = es.getAdditionalProperties();
        Object spec = root.get("spec");
        String target = string(at(spec, "target", "name")).orElse(name);

        String accessKeyIdKey = null;
        String secretKeyKey = null;
        if (fields != null) {
            for (Object entry : list(at(spec, "data"))) {
                Optional<String> secretKey = string(at(entry, "secretKey"));
                Optional<String> property = string(at(entry, "remoteRef", "property"));
                if (secretKey.isPresent() && property.isPresent()) {
                    if (property.get().equals(fields.accessKeyId()) && accessKeyIdKey == null) {
                        accessKeyIdKey = secretKey.get();
                    } else if (property.get().equals(fields.secretAccessKey()) && secretKeyKey == null) {
                        secretKeyKey = secretKey.get();
                    }
                }
            }
            // dataFrom extract writes each item field under its label
            if (!list(at(spec, "dataFrom")).isEmpty()) {
                accessKeyIdKey = accessKeyIdKey == null ? fields.accessKeyId() : accessKeyIdKey;
                secretKeyKey = secretKeyKey == null ? fields.secretAccessKey() : secretKeyKey;
            }
        }
        accessKeyIdKey = accessKeyIdKey == null ? SecretSource.DEFAULT_ACCESS_KEY_ID_KEY : accessKeyIdKey;
        secretKeyKey = secretKeyKey == null ? SecretSource.DEFAULT_SECRET_ACCESS_KEY_KEY : secretKeyKey;

        String ready = "Unknown";
        Optional<String> readyReason = Optional.empty();
        for (Object condition : list(at(root.get("status"), "conditions"))) {
            if ("Ready".equals(at(condition, "type"))) {
                ready = string(at(condition, "status")).orElse("Unknown");
                readyReason = string(at(condition, "reason"));
                break;
            }
        }
        Map<String, String> annotations = es.getMetadata().getAnnotations();
        Optional<String> forceSync =
                Optional.ofNullable(annotations == null ? null : annotations.get(KubeGateway.FORCE_SYNC));
        return new ExternalSecretState(
                namespace,
                name,
                target,
                accessKeyIdKey,
                secretKeyKey,
                string(at(spec, "refreshInterval")),
                string(at(spec, "refreshPolicy")),
                ready,
                readyReason,
                forceSync);
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static Optional<String> string(Object value) {
        return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
