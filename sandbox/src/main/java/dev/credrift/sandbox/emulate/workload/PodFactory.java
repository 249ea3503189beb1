package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates pods from templates, owned by their controller, and deletes them, remembering which it deleted. */
final class PodFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PodFactory.class);

    private final KubernetesClient client;
    private final Set<String> deletedByControllers = ConcurrentHashMap.newKeySet();

    PodFactory(KubernetesClient client) {
        this.client = client;
    }

    /** A controller reference to {@code owner}, as every workload controller sets. */
    static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /**
     * Creates pod {@code name} from {@code template}, owned by {@code owner}; returns it, or empty when a pod of
     * that name already exists.
     */
    Optional<Pod> create(
            HasMetadata owner,
            String name,
            PodTemplateSpec template,
            Map<String, String> extraLabels,
            Consumer<PodSpec> adjust) {
        Pod pod = fromTemplate(
                owner.getMetadata().getNamespace(),
                name,
                client.getKubernetesSerialization().clone(template),
                extraLabels,
                adjust,
                List.of(controllerRef(owner)));
        try {
            Pod created = client.pods()
                    .inNamespace(owner.getMetadata().getNamespace())
                    .resource(pod)
                    .create();
            LOG.info(
                    "{} {}/{}: created pod {}",
                    owner.getKind(),
                    owner.getMetadata().getNamespace(),
                    owner.getMetadata().getName(),
                    name);
            return Optional.of(created);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A pending pod made from {@code copy} (a template copy of the caller's, changed here), on the sandbox node. */
    static Pod fromTemplate(
            String namespace,
            String name,
            PodTemplateSpec copy,
            Map<String, String> extraLabels,
            Consumer<PodSpec> adjust,
            List<OwnerReference> owners) {
        ObjectMeta templateMeta = copy.getMetadata() == null ? new ObjectMeta() : copy.getMetadata();
        Map<String, String> labels = new LinkedHashMap<>();
        if (templateMeta.getLabels() != null) {
            labels.putAll(templateMeta.getLabels());
        }
        labels.putAll(extraLabels);
        PodSpec spec = copy.getSpec();
        spec.setNodeName(Kubelet.NODE_NAME);
        adjust.accept(spec);
        return new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(namespace)
                        .withLabels(labels)
                        .withAnnotations(templateMeta.getAnnotations())
                        .withOwnerReferences(owners)
                        .build())
                .withSpec(spec)
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
    }

    /** Deletes the pod as its controller. */
    void delete(Pod pod, String why) {
        deletedByControllers.add(pod.getMetadata().getUid());
        client.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .delete();
        LOG.info(
                "deleted pod {}/{}: {}",
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getName(),
                why);
    }

    /** Whether the pod with {@code uid} was deleted by a controller (consumes the note). */
    boolean deletedByController(String uid) {
        return deletedByControllers.remove(uid);
    }
}
