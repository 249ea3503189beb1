package dev.credrift.reconciler.world;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.BindingId;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every Kubernetes API call the reconciler makes, blocking. As {@link ClusterReads} it reads straight from the API
 * server (listing a namespace's pods for the pod lookups): what bypasses the caches. Writes are JSON merge patches
 * (what custom resources need on a real API server, and the only kind the mock server takes) that touch one field
 * each, so a repeated write is a no-op: a second patch of the same {@code restartedAt} does not start a second
 * rollout.
 */
public final class KubeGateway implements ClusterReads {

    /** The annotation {@code kubectl rollout restart} sets on a pod template. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    /** The annotation ESO treats as "sync now" (any change of annotations does). */
    public static final String FORCE_SYNC = "force-sync";

    public static final ResourceDefinitionContext BINDINGS = new ResourceDefinitionContext.Builder()
            .withGroup(CredentialBinding.GROUP)
            .withVersion(CredentialBinding.VERSION)
            .withKind(CredentialBinding.KIND)
            .withPlural(CredentialBinding.PLURAL)
            .withNamespaced(true)
            .build();
    /** v1 first; clusters that still run an older ESO serve only v1beta1 (the fields we use are the same). */
    public static final List<ResourceDefinitionContext> EXTERNAL_SECRETS =
            List.of(externalSecrets("v1"), externalSecrets("v1beta1"));

    /** Rook's object store users, whose {@code spec.keys} a rotation edits (issue 17). */
    public static final ResourceDefinitionContext ROOK_OBJECT_USERS = new ResourceDefinitionContext.Builder()
            .withGroup("ceph.rook.io")
            .withVersion("v1")
            .withKind("CephObjectStoreUser")
            .withPlural("cephobjectstoreusers")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;

    public KubeGateway(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public KubernetesSerialization serialization() {
        return client.getKubernetesSerialization();
    }

    @Override
    public Optional<GenericKubernetesResource> binding(BindingId id) {
        return Optional.ofNullable(client.genericKubernetesResources(BINDINGS)
                .inNamespace(id.namespace())
                .withName(id.name())
                .get());
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(
                client.secrets().inNamespace(namespace).withName(name).get());
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(
                client.configMaps().inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<GenericKubernetesResource> externalSecret(String namespace, String name) {
        for (ResourceDefinitionContext version : EXTERNAL_SECRETS) {
            GenericKubernetesResource found = externalSecretOrNull(version, namespace, name);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public List<Pod> pods(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems();
    }

    @Override
    public List<Pod> podsReading(String namespace, String secret) {
        return pods(namespace).stream()
                .filter(pod -> PodReading.secretsRead(pod.getSpec()).containsKey(secret))
                .toList();
    }

    @Override
    public List<Pod> podsOf(WorkloadRef ref, LabelSelector selector) {
        return pods(ref.namespace()).stream()
                .filter(pod ->
                        PodReading.owner(pod).map(ref::equals).orElseGet(() -> PodReading.selectedBy(pod, selector)))
                .toList();
    }

    @Override
    public Optional<HasMetadata> workload(WorkloadRef ref) {
        HasMetadata found = switch (ref.kind()) {
            case DEPLOYMENT ->
                client.apps()
                        .deployments()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .get();
            case STATEFUL_SET ->
                client.apps()
                        .statefulSets()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .get();
            case DAEMON_SET ->
                client.apps()
                        .daemonSets()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .get();
            case UNRECOGNIZED -> null;
        };
        return Optional.ofNullable(found);
    }

    /** Sets one annotation of the ExternalSecret (JSON merge patch); a no-op when it already has that value. */
    public void annotateExternalSecret(String namespace, String name, String key, String value) {
        String patch = serialization().asJson(Map.of("metadata", Map.of("annotations", Map.of(key, value))));
        for (ResourceDefinitionContext version : EXTERNAL_SECRETS) {
            if (externalSecretOrNull(version, namespace, name) != null) {
                client.genericKubernetesResources(version)
                        .inNamespace(namespace)
                        .withName(name)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                return;
            }
        }
        throw new MissingObject("ExternalSecret " + namespace + "/" + name + " does not exist");
    }

    /** Sets the pod template's {@value #RESTARTED_AT} (what {@code kubectl rollout restart} does). */
    public void restart(WorkloadRef ref, String restartedAt) {
        String patch = serialization()
                .asJson(Map.of(
                        "spec",
                        Map.of(
                                "template",
                                Map.of("metadata", Map.of("annotations", Map.of(RESTARTED_AT, restartedAt))))));
        PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
        switch (ref.kind()) {
            case DEPLOYMENT ->
                client.apps()
                        .deployments()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .patch(merge, patch);
            case STATEFUL_SET ->
                client.apps()
                        .statefulSets()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .patch(merge, patch);
            case DAEMON_SET ->
                client.apps()
                        .daemonSets()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .patch(merge, patch);
            case UNRECOGNIZED -> throw new IllegalArgumentException("cannot restart " + ref);
        }
    }

    /**
     * Deletes one pod, only if it is still the same pod (its UID): a StatefulSet reuses pod names, and the
     * replacement its controller made in the meantime must survive. A pod already gone, or replaced, is left alone,
     * so a repeated delete is a no-op. A pod that is Ready now is left alone too: the decision to delete was made
     * from cached pods, and the pod may have become Ready since. Needs RBAC {@code pods: [delete]} in the consumers'
     * namespaces.
     *
     * @return whether a delete was sent
     */
    public boolean deletePod(String namespace, String name, String uid) {
        Pod current = client.pods().inNamespace(namespace).withName(name).get();
        if (current == null
                || current.getMetadata() == null
                || !uid.equals(current.getMetadata().getUid())
                || current.getMetadata().getDeletionTimestamp() != null
                || PodReading.ready(current)) {
            return false;
        }
        // the window between the get and the delete is one round trip; a pod is replaced only after it is deleted,
        // and only this reconciler deletes unready stale pods, so the pod found is the one deleted
        client.pods().inNamespace(namespace).withName(name).delete();
        return true;
    }

    /**
     * Replaces the binding's status through the status subresource with a JSON Patch ({@code add /status}, which
     * replaces it when present). Not a merge patch: the fabric8 mock API server (7.8) concatenates arrays in merge
     * patches instead of replacing them (RFC 7386), so {@code conditions} would pile up there; a JSON Patch means the
     * same on a real API server and on the mock. The status written is derived from a fresh read, and the one part
     * another writer owns ({@code Valid}, the watcher's) is computed by both with the same validator.
     */
    public GenericKubernetesResource replaceBindingStatus(BindingId id, Map<String, Object> status) {
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("op", "add");
        add.put("path", "/status");
        add.put("value", status);
        return client.genericKubernetesResources(BINDINGS)
                .inNamespace(id.namespace())
                .withName(id.name())
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON), serialization().asJson(List.of(add)));
    }

    /**
     * Removes one annotation from the binding, with a JSON Patch {@code remove} (a merge patch with {@code null} does
     * the same on a real API server, but the mock keeps the key with a null value).
     */
    public void removeBindingAnnotation(BindingId id, String key) {
        String pointer = "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
        client.genericKubernetesResources(BINDINGS)
                .inNamespace(id.namespace())
                .withName(id.name())
                .patch(
                        PatchContext.of(PatchType.JSON),
                        serialization().asJson(List.of(Map.of("op", "remove", "path", pointer))));
    }

    /** The Rook {@code CephObjectStoreUser}, if it exists. */
    public Optional<GenericKubernetesResource> rookObjectUser(String namespace, String name) {
        return Optional.ofNullable(client.genericKubernetesResources(ROOK_OBJECT_USERS)
                .inNamespace(namespace)
                .withName(name)
                .get());
    }

    /**
     * Sets a {@code CephObjectStoreUser}'s {@code spec.keys} to {@code keys} (JSON Patch {@code add}, which replaces
     * the list: a merge patch would concatenate it on the mock API server). The list is computed from a fresh read
     * by the one rotation open for the user, so writing it twice is a no-op.
     *
     * @param resourceVersion the read's {@code metadata.resourceVersion}: the patch applies only to that version
     * @return {@code false} if nothing was written because the object is not that version any more (or the patch
     *     could not be applied): read again
     */
    public boolean replaceRookUserKeys(
            String namespace, String name, String resourceVersion, List<Map<String, Object>> keys) {
        // guarded by the read it was computed from: a human's concurrent edit of spec.keys is never overwritten
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("op", "test");
        test.put("path", "/metadata/resourceVersion");
        test.put("value", resourceVersion);
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("op", "add");
        add.put("path", "/spec/keys");
        add.put("value", keys);
        try {
            client.genericKubernetesResources(ROOK_OBJECT_USERS)
                    .inNamespace(namespace)
                    .withName(name)
                    .patch(PatchContext.of(PatchType.JSON), serialization().asJson(List.of(test, add)));
            return true;
        } catch (KubernetesClientException e) {
            // a failed test operation: 422 from the API server (409 from some); the caller re-reads
            if (e.getCode() == 422 || e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Sets data keys of an existing Secret (JSON merge patch of {@code data}, values base64-encoded here; other keys
     * untouched). Writing the same values twice is a no-op.
     *
     * @throws MissingObject when the Secret does not exist
     */
    public void writeSecretData(String namespace, String name, Map<String, String> values) {
        if (client.secrets().inNamespace(namespace).withName(name).get() == null) {
            throw new MissingObject("Secret " + namespace + "/" + name + " does not exist");
        }
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, b64.encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        client.secrets()
                .inNamespace(namespace)
                .withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), serialization().asJson(Map.of("data", data)));
    }

    /** Creates a Secret; fails if one of that name exists (the caller reads it first). */
    public Secret createSecret(Secret secret) {
        return client.secrets()
                .inNamespace(secret.getMetadata().getNamespace())
                .resource(secret)
                .create();
    }

    /**
     * Deletes a Secret only if it is still the same object (its UID); one already gone is left alone, so a repeated
     * delete is a no-op.
     *
     * @return whether a delete was sent
     */
    public boolean deleteSecret(String namespace, String name, String uid) {
        Secret current = client.secrets().inNamespace(namespace).withName(name).get();
        if (current == null
                || current.getMetadata() == null
                || !uid.equals(current.getMetadata().getUid())) {
            return false;
        }
        client.secrets().inNamespace(namespace).withName(name).delete();
        return true;
    }

    /** Creates an {@code events.k8s.io/v1} Event. */
    public void createEvent(Event event) {
        client.events()
                .v1()
                .events()
                .inNamespace(event.getMetadata().getNamespace())
                .resource(event)
                .create();
    }

    private GenericKubernetesResource externalSecretOrNull(
            ResourceDefinitionContext version, String namespace, String name) {
        try {
            return client.genericKubernetesResources(version)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null; // this version is not served
            }
            throw e;
        }
    }

    private static ResourceDefinitionContext externalSecrets(String version) {
        return new ResourceDefinitionContext.Builder()
                .withGroup("external-secrets.io")
                .withVersion(version)
                .withKind("ExternalSecret")
                .withPlural("externalsecrets")
                .withNamespaced(true)
                .build();
    }

    /** An object a write needed is not there. The message names it. */
    public static final class MissingObject extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MissingObject(String message) {
            super(message);
        }
    }
}
