package dev.credrift.sandbox.emulate.eso;

import dev.credrift.sandbox.emulate.EventRecorder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an ExternalSecret's target Secret as ESO does for its {@code creationPolicy} ({@code Owner},
 * {@code Orphan}, {@code Merge}, {@code None}): the fetched data (through the template, if any), the managed
 * label, the {@code data-hash} annotation and, for {@code Owner}, the {@code created-by} label and a controller
 * reference; records a {@code Created} / {@code Updated} event on the ExternalSecret. An unchanged Secret is not
 * written again.
 */
final class TargetSecretWriter {

    private final KubernetesClient client;
    private final EventRecorder events;

    TargetSecretWriter(KubernetesClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    /**
     * Creates or updates the target Secret.
     *
     * @return whether the Secret was written
     * @throws ProviderException if {@code Merge} finds no Secret to merge into
     */
    boolean write(
            GenericKubernetesResource object, ExternalSecretState es, Secret existing, Map<String, byte[]> dataMap)
            throws ProviderException {
        String policy = es.creationPolicy();
        if ("None".equals(policy)) {
            return false;
        }
        if ("Merge".equals(policy) && existing == null) {
            throw new ProviderException("the desired secret " + es.targetName()
                    + " was not found. With creationPolicy=Merge the secret won't be created");
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        if ("Merge".equals(policy)) {
            decode(existing).forEach(data::put);
        }
        Optional<ExternalSecretState.Template> template = es.template();
        if (template.isPresent() && !template.get().data().isEmpty()) {
            if ("Merge".equals(template.get().mergePolicy())) {
                data.putAll(dataMap);
            }
            data.putAll(TemplateRenderer.render(template.get().data(), dataMap));
        } else {
            data.putAll(dataMap);
        }
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));

        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        List<OwnerReference> owners = new ArrayList<>();
        if (existing != null) {
            Optional.ofNullable(existing.getMetadata().getLabels()).ifPresent(labels::putAll);
            Optional.ofNullable(existing.getMetadata().getAnnotations()).ifPresent(annotations::putAll);
            Optional.ofNullable(existing.getMetadata().getOwnerReferences()).ifPresent(owners::addAll);
        }
        template.ifPresent(t -> {
            labels.putAll(t.labels());
            annotations.putAll(t.annotations());
        });
        labels.put(RefreshRule.MANAGED_LABEL, "true");
        if ("Owner".equals(policy)) {
            labels.put(
                    RefreshRule.CREATED_BY_LABEL,
                    GoObjectHash.string(es.key().namespace() + "/" + es.key().name()));
            owners.removeIf(o -> Boolean.TRUE.equals(o.getController()));
            owners.add(new OwnerReferenceBuilder()
                    .withApiVersion(object.getApiVersion())
                    .withKind(object.getKind())
                    .withName(es.key().name())
                    .withUid(es.uid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build());
        }
        String type = template.flatMap(ExternalSecretState.Template::type)
                .or(() -> Optional.ofNullable(existing).map(Secret::getType))
                .orElse("Opaque");
        Secret desired = new SecretBuilder()
                .withNewMetadata()
                .withName(es.targetName())
                .withNamespace(es.key().namespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .withOwnerReferences(owners)
                .endMetadata()
                .withType(type)
                .withData(encoded)
                .withImmutable(es.immutable() ? Boolean.TRUE : null)
                .build();
        desired.getMetadata().getAnnotations().put(RefreshRule.DATA_HASH_ANNOTATION, RefreshRule.dataHash(desired));
        if (existing == null) {
            client.secrets().inNamespace(es.key().namespace()).resource(desired).create();
            events.normal(object, "Created", "Created Secret");
            return true;
        }
        if (Objects.equals(existing.getData(), desired.getData())
                && Objects.equals(
                        existing.getMetadata().getLabels(),
                        desired.getMetadata().getLabels())
                && Objects.equals(
                        existing.getMetadata().getAnnotations(),
                        desired.getMetadata().getAnnotations())
                && Objects.equals(existing.getType(), desired.getType())
                && Objects.equals(
                        existing.getMetadata().getOwnerReferences(),
                        desired.getMetadata().getOwnerReferences())) {
            return false;
        }
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        client.secrets().inNamespace(es.key().namespace()).resource(desired).update();
        events.normal(object, "Updated", "Updated Secret");
        return true;
    }

    private static Map<String, byte[]> decode(Secret secret) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((k, v) -> data.put(
                            k, v == null ? new byte[0] : Base64.getDecoder().decode(v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }
}
