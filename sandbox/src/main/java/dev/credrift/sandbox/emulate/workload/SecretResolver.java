package dev.credrift.sandbox.emulate.workload;

import dev.credrift.events.credential.SecretValue;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a container gets at start, as the kubelet does: {@code env[].value}, {@code valueFrom.secretKeyRef} /
 * {@code configMapKeyRef}, {@code envFrom} (with prefix), and the files of {@code secret} / {@code configMap}
 * volumes at their mount paths ({@code items} and {@code subPath} honoured). A missing non-optional Secret, ConfigMap
 * or key fails with the kubelet's own message.
 */
final class SecretResolver {

    private final KubernetesClient client;

    SecretResolver(KubernetesClient client) {
        this.client = client;
    }

    /** Why a container cannot start. */
    static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        StartFailure(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** {@code CreateContainerConfigError} (env) or {@code ContainerCreating} (a volume cannot be mounted). */
        String reason() {
            return reason;
        }
    }

    ResolvedSecrets resolve(Pod pod, Container container) throws StartFailure {
        String namespace = pod.getMetadata().getNamespace();
        Map<String, SecretValue> env = new LinkedHashMap<>();
        for (EnvFromSource from : list(container.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getSecretRef() != null) {
                Optional<Map<String, byte[]>> data =
                        secretData(namespace, from.getSecretRef().getName());
                if (data.isEmpty() && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                    throw configError("secret \"" + from.getSecretRef().getName() + "\" not found");
                }
                data.ifPresent(d -> d.forEach((k, v) -> env.put(prefix + k, text(v))));
            }
            if (from.getConfigMapRef() != null) {
                Optional<Map<String, byte[]>> data =
                        configMapData(namespace, from.getConfigMapRef().getName());
                if (data.isEmpty()
                        && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                    throw configError("configmap \"" + from.getConfigMapRef().getName() + "\" not found");
                }
                data.ifPresent(d -> d.forEach((k, v) -> env.put(prefix + k, text(v))));
            }
        }
        for (EnvVar variable : list(container.getEnv())) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), SecretValue.of(variable.getValue() == null ? "" : variable.getValue()));
                continue;
            }
            var secretRef = variable.getValueFrom().getSecretKeyRef();
            var configRef = variable.getValueFrom().getConfigMapKeyRef();
            if (secretRef != null) {
                Optional<Map<String, byte[]>> data = secretData(namespace, secretRef.getName());
                boolean optional = Boolean.TRUE.equals(secretRef.getOptional());
                if (data.isEmpty()) {
                    if (optional) {
                        continue;
                    }
                    throw configError("secret \"" + secretRef.getName() + "\" not found");
                }
                byte[] value = data.get().get(secretRef.getKey());
                if (value == null) {
                    if (optional) {
                        continue;
                    }
                    throw configError("couldn't find key " + secretRef.getKey() + " in Secret " + namespace + "/"
                            + secretRef.getName());
                }
                env.put(variable.getName(), text(value));
            } else if (configRef != null) {
                Optional<Map<String, byte[]>> data = configMapData(namespace, configRef.getName());
                boolean optional = Boolean.TRUE.equals(configRef.getOptional());
                if (data.isEmpty() || data.get().get(configRef.getKey()) == null) {
                    if (optional) {
                        continue;
                    }
                    throw configError(
                            data.isEmpty()
                                    ? "configmap \"" + configRef.getName() + "\" not found"
                                    : "couldn't find key " + configRef.getKey() + " in ConfigMap " + namespace + "/"
                                            + configRef.getName());
                }
                env.put(variable.getName(), text(data.get().get(configRef.getKey())));
            }
        }
        return new ResolvedSecrets(env, files(pod, container));
    }

    private Map<String, SecretValue> files(Pod pod, Container container) throws StartFailure {
        String namespace = pod.getMetadata().getNamespace();
        Map<String, Map<String, byte[]>> volumeFiles = new LinkedHashMap<>();
        for (Volume volume : list(pod.getSpec().getVolumes())) {
            Optional<Map<String, byte[]>> data = Optional.empty();
            List<KeyToPath> items = List.of();
            if (volume.getSecret() != null) {
                data = secretData(namespace, volume.getSecret().getSecretName());
                items = list(volume.getSecret().getItems());
                if (data.isEmpty() && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
                    throw new StartFailure(
                            "ContainerCreating",
                            "MountVolume.SetUp failed for volume \""
                                    + volume.getName() + "\" : secret \""
                                    + volume.getSecret().getSecretName()
                                    + "\" not found");
                }
            } else if (volume.getConfigMap() != null) {
                data = configMapData(namespace, volume.getConfigMap().getName());
                items = list(volume.getConfigMap().getItems());
                if (data.isEmpty() && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
                    throw new StartFailure(
                            "ContainerCreating",
                            "MountVolume.SetUp failed for volume \""
                                    + volume.getName() + "\" : configmap \""
                                    + volume.getConfigMap().getName()
                                    + "\" not found");
                }
            } else {
                continue;
            }
            Map<String, byte[]> byRelativePath = new LinkedHashMap<>();
            Map<String, byte[]> source = data.orElse(Map.of());
            if (items.isEmpty()) {
                byRelativePath.putAll(source);
            } else {
                for (KeyToPath item : items) {
                    if (source.containsKey(item.getKey())) {
                        byRelativePath.put(item.getPath(), source.get(item.getKey()));
                    }
                }
            }
            volumeFiles.put(volume.getName(), byRelativePath);
        }
        Map<String, SecretValue> files = new LinkedHashMap<>();
        for (VolumeMount mount : list(container.getVolumeMounts())) {
            Map<String, byte[]> volume = volumeFiles.get(mount.getName());
            if (volume == null) {
                continue;
            }
            String base = mount.getMountPath().replaceAll("/+$", "");
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                byte[] value = volume.get(mount.getSubPath());
                if (value != null) {
                    files.put(base, text(value));
                }
            } else {
                volume.forEach((path, value) -> files.put(base + "/" + path, text(value)));
            }
        }
        return files;
    }

    private Optional<Map<String, byte[]>> secretData(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return Optional.empty();
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v == null ? "" : v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.of(data);
    }

    private Optional<Map<String, byte[]>> configMapData(String namespace, String name) {
        ConfigMap map =
                client.configMaps().inNamespace(namespace).withName(name).get();
        if (map == null) {
            return Optional.empty();
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (map.getData() != null) {
            map.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        if (map.getBinaryData() != null) {
            map.getBinaryData()
                    .forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
        }
        return Optional.of(data);
    }

    // lossy on purpose: a binary file in a volume must not stop the pod, and it is never a usable credential
    private static SecretValue text(byte[] bytes) {
        return SecretValue.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static StartFailure configError(String message) {
        return new StartFailure("CreateContainerConfigError", message);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
