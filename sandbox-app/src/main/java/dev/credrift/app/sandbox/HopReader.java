package dev.credrift.app.sandbox;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.eso.DataFrom;
import dev.credrift.sandbox.emulate.eso.ExternalSecretState;
import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges each CredentialBinding's chain from the world itself, the way the story's judge would: a hop is ✓ when the
 * key it holds is one the store accepts now, consumers are ✓ when every pod reading the replica is ready with such a
 * key. Reads the same objects the binding names — Rook's user Secret or the named source Secret, the 1Password item,
 * the ExternalSecret's target Secret, the pods that reference it — and compares fingerprints only.
 */
final class HopReader {

    private static final String DEFAULT_ACCESS_KEY_FIELD = "access_key";
    private static final String DEFAULT_SECRET_KEY_FIELD = "secret_key";

    private final World world;

    HopReader(World world) {
        this.world = world;
    }

    /** Every binding's chain now, by binding id. */
    Map<String, HopRow> readAll(String moment) {
        Map<String, HopRow> rows = new LinkedHashMap<>();
        for (CredentialBinding binding : world.kubernetesClient()
                .resources(CredentialBinding.class)
                .inAnyNamespace()
                .list()
                .getItems()) {
            rows.put(binding.bindingId(), read(binding, moment));
        }
        return rows;
    }

    /**
     * The chain at the moment credrift reported drift: source, vault and replica from the event's fingerprints,
     * consumers from the world now.
     */
    Optional<HopRow> atDrift(String bindingId, HopFingerprints fingerprints, String moment) {
        Optional<CredentialBinding> binding = binding(bindingId);
        if (binding.isEmpty()) {
            return Optional.empty();
        }
        Set<Fingerprint> accepted = storeFingerprints();
        HopRow now = read(binding.get(), moment);
        return Optional.of(new HopRow(
                moment,
                mark(fingerprints.source(), accepted),
                mark(fingerprints.vault(), accepted),
                mark(fingerprints.replica(), accepted),
                now.consumers(),
                now.consumersNote()));
    }

    private Optional<CredentialBinding> binding(String bindingId) {
        int slash = bindingId.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(world.kubernetesClient()
                .resources(CredentialBinding.class)
                .inNamespace(bindingId.substring(0, slash))
                .withName(bindingId.substring(slash + 1))
                .get());
    }

    private HopRow read(CredentialBinding binding, String moment) {
        Set<Fingerprint> accepted = storeFingerprints();
        String namespace = binding.getMetadata().getNamespace();
        CredentialBindingSpec spec = binding.getSpec();
        if (spec == null) {
            return new HopRow(
                    moment, HopMark.UNKNOWN, HopMark.UNKNOWN, HopMark.UNKNOWN, HopMark.UNKNOWN, Optional.empty());
        }
        HopMark source = markCredential(sourceCredential(spec, namespace), accepted);
        HopMark vault = markCredential(vaultCredential(spec), accepted);
        Optional<String> replicaSecret = replicaSecretName(spec, namespace);
        HopMark replica = replicaSecret
                .map(name -> markCredential(replicaCredential(spec, namespace, name), accepted))
                .orElse(HopMark.UNKNOWN);
        HopMark consumers = HopMark.UNKNOWN;
        Optional<String> note = Optional.empty();
        if (replicaSecret.isPresent()) {
            List<PodHealth> pods = consumerPods(namespace, replicaSecret.get());
            if (!pods.isEmpty()) {
                consumers = HopMark.GOOD;
                for (PodHealth pod : pods) {
                    boolean good = pod.ready()
                            && pod.credential()
                                    .map(c -> accepted.contains(fingerprint(c)))
                                    .orElse(false);
                    if (!good) {
                        consumers = HopMark.BAD;
                        note = Optional.of("pod " + pod.name()
                                + (pod.ready()
                                        ? " holds a key the store refuses"
                                        : " not ready: "
                                                + pod.startFailure()
                                                        .orElse(pod.lastProbe()
                                                                .map(p -> p.summary())
                                                                .orElse("starting"))));
                        break;
                    }
                }
            }
        }
        return new HopRow(moment, source, vault, replica, consumers, note);
    }

    private Set<Fingerprint> storeFingerprints() {
        Set<Fingerprint> fingerprints = new HashSet<>();
        for (StoreUserSpec user : world.spec().store().users()) {
            try {
                world.objectStore().users().keys(user.name()).forEach(key -> fingerprints.add(fingerprint(key)));
            } catch (IllegalArgumentException removed) {
                // the timeline removed the user: it has no keys the store accepts
            }
        }
        // story 2: service accounts created through MinIO's admin API during the story are store users too
        world.minio()
                .ifPresent(minio -> minio.serviceAccounts()
                        .forEach(account -> world.objectStore()
                                .users()
                                .keys(account.accessKey())
                                .forEach(key -> fingerprints.add(fingerprint(key)))));
        return fingerprints;
    }

    private Fingerprint fingerprint(Credential credential) {
        return world.fingerprinter().fingerprint(credential);
    }

    private static HopMark mark(Fingerprint fingerprint, Set<Fingerprint> accepted) {
        return fingerprint == null ? HopMark.UNKNOWN : HopMark.of(accepted.contains(fingerprint));
    }

    private HopMark markCredential(Optional<Credential> credential, Set<Fingerprint> accepted) {
        return credential
                .map(c -> HopMark.of(accepted.contains(fingerprint(c))))
                .orElse(HopMark.UNKNOWN);
    }

    private Optional<Credential> sourceCredential(CredentialBindingSpec spec, String namespace) {
        if (spec.source() == null) {
            return Optional.empty();
        }
        RookObjectUserSource rook = spec.source().rookObjectUser();
        if (rook != null) {
            return secretCredential(
                    rook.namespace() == null ? namespace : rook.namespace(),
                    rook.secretName(),
                    "AccessKey",
                    "SecretKey");
        }
        SecretSource secret = spec.source().secret();
        if (secret != null) {
            return secretCredential(
                    secret.namespace() == null ? namespace : secret.namespace(),
                    secret.name(),
                    secret.accessKeyIdKey() == null ? SecretSource.DEFAULT_ACCESS_KEY_ID_KEY : secret.accessKeyIdKey(),
                    secret.secretAccessKeyKey() == null
                            ? SecretSource.DEFAULT_SECRET_ACCESS_KEY_KEY
                            : secret.secretAccessKeyKey());
        }
        return Optional.empty();
    }

    private Optional<Credential> vaultCredential(CredentialBindingSpec spec) {
        if (spec.vault() == null || spec.vault().onePassword() == null) {
            return Optional.empty();
        }
        OnePasswordItem item = spec.vault().onePassword();
        try {
            SecretValue id = world.onePassword().readField(item.vault(), item.item(), accessKeyField(item.fields()));
            SecretValue secret =
                    world.onePassword().readField(item.vault(), item.item(), secretKeyField(item.fields()));
            return id.isEmpty() || secret.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new Credential(id.reveal(), secret));
        } catch (IllegalArgumentException missing) {
            return Optional.empty();
        }
    }

    private Optional<String> replicaSecretName(CredentialBindingSpec spec, String namespace) {
        Optional<GenericKubernetesResource> externalSecret = externalSecret(spec, namespace);
        if (externalSecret.isEmpty()) {
            return Optional.empty();
        }
        Object target = externalSecret.get().get("spec", "target", "name");
        return Optional.of(
                target instanceof String name
                        ? name
                        : externalSecret.get().getMetadata().getName());
    }

    private Optional<GenericKubernetesResource> externalSecret(CredentialBindingSpec spec, String namespace) {
        if (spec.replica() == null || spec.replica().externalSecret() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(world.kubernetesClient()
                .genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(namespace)
                .withName(spec.replica().externalSecret().name())
                .get());
    }

    /**
     * The replica's keys are those the ExternalSecret writes the vault's fields to: a {@code data} entry naming the
     * field, else a {@code dataFrom} entry ({@code extract} of the item, or {@code find} selecting the field) that
     * copies it under its label — ESO lets {@code data} win over {@code dataFrom}.
     */
    private Optional<Credential> replicaCredential(CredentialBindingSpec spec, String namespace, String secretName) {
        Optional<ExternalSecretState> externalSecret;
        try {
            externalSecret = externalSecret(spec, namespace).map(ExternalSecretState::of);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // ESO cannot sync it either; the replica is unknown
        }
        if (externalSecret.isEmpty()) {
            return Optional.empty();
        }
        OnePasswordItem item = spec.vault() == null ? null : spec.vault().onePassword();
        OnePasswordFields fields = item == null ? null : item.fields();
        Optional<String> idKey = replicaKey(externalSecret.get(), item, accessKeyField(fields));
        Optional<String> secretKey = replicaKey(externalSecret.get(), item, secretKeyField(fields));
        if (idKey.isEmpty() || secretKey.isEmpty()) {
            return Optional.empty();
        }
        return secretCredential(namespace, secretName, idKey.get(), secretKey.get());
    }

    private static Optional<String> replicaKey(ExternalSecretState externalSecret, OnePasswordItem item, String field) {
        for (ExternalSecretState.DataRef ref : externalSecret.data()) {
            if (field.equals(ref.property())) {
                return Optional.of(ref.secretKey());
            }
        }
        for (DataFrom from : externalSecret.dataFrom()) {
            boolean copied = item == null
                    ? from instanceof DataFrom.Extract || from.copies("", field)
                    : from.copies(item.item(), field);
            if (copied) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private Optional<Credential> secretCredential(String namespace, String name, String idKey, String secretKey) {
        Secret secret = world.kubernetesClient()
                .secrets()
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (secret == null || secret.getData() == null) {
            return Optional.empty();
        }
        String id = secret.getData().get(idKey);
        String value = secret.getData().get(secretKey);
        if (id == null || value == null) {
            return Optional.empty();
        }
        Base64.Decoder decoder = Base64.getDecoder();
        return Optional.of(new Credential(
                new String(decoder.decode(id), StandardCharsets.UTF_8), SecretValue.fromUtf8(decoder.decode(value))));
    }

    private List<PodHealth> consumerPods(String namespace, String secretName) {
        List<PodHealth> pods = new ArrayList<>();
        for (Pod pod :
                world.kubernetesClient().pods().inNamespace(namespace).list().getItems()) {
            if (references(pod, secretName)) {
                world.workloads().pod(namespace, pod.getMetadata().getName()).ifPresent(pods::add);
            }
        }
        return pods;
    }

    private static boolean references(Pod pod, String secretName) {
        if (pod.getSpec() == null) {
            return false;
        }
        for (Volume volume : pod.getSpec().getVolumes() == null
                ? List.<Volume>of()
                : pod.getSpec().getVolumes()) {
            if (volume.getSecret() != null
                    && secretName.equals(volume.getSecret().getSecretName())) {
                return true;
            }
        }
        for (Container container : pod.getSpec().getContainers() == null
                ? List.<Container>of()
                : pod.getSpec().getContainers()) {
            for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                if (env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null
                        && secretName.equals(
                                env.getValueFrom().getSecretKeyRef().getName())) {
                    return true;
                }
            }
            for (EnvFromSource from :
                    container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
                if (from.getSecretRef() != null
                        && secretName.equals(from.getSecretRef().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String accessKeyField(OnePasswordFields fields) {
        return fields == null || fields.accessKeyId() == null ? DEFAULT_ACCESS_KEY_FIELD : fields.accessKeyId();
    }

    private static String secretKeyField(OnePasswordFields fields) {
        return fields == null || fields.secretAccessKey() == null ? DEFAULT_SECRET_KEY_FIELD : fields.secretAccessKey();
    }
}
