package dev.credrift.api.pod;

import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a pod tells about consumers: which Secrets it reads and how (env, whole volume, {@code subPath}), which
 * workload owns it, whether it is ready, how often it restarted and when its containers started. Never throws on a
 * pod with missing parts.
 */
public final class Pods {

    /** Label the Deployment controller puts on the pods of a ReplicaSet; the ReplicaSet name ends with it. */
    public static final String POD_TEMPLATE_HASH = "pod-template-hash";

    private Pods() {}

    /** Every Secret (by name, in the pod's namespace) a pod of this spec reads, with the ways it reads it. */
    public static Map<String, Set<SecretMount>> secretsRead(PodSpec spec) {
        Map<String, Set<SecretMount>> reads = new LinkedHashMap<>();
        if (spec == null) {
            return reads;
        }
        List<Container> containers = containers(spec);
        for (Container container : containers) {
            for (EnvVar env : nullSafe(container.getEnv())) {
                if (env != null
                        && env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null) {
                    add(reads, env.getValueFrom().getSecretKeyRef().getName(), SecretMount.ENV);
                }
            }
            for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
                if (from != null && from.getSecretRef() != null) {
                    add(reads, from.getSecretRef().getName(), SecretMount.ENV);
                }
            }
        }
        for (Volume volume : nullSafe(spec.getVolumes())) {
            if (volume == null) {
                continue;
            }
            for (String secret : secretsOf(volume)) {
                for (SecretMount how : mountKinds(volume.getName(), containers)) {
                    add(reads, secret, how);
                }
            }
        }
        return reads;
    }

    /**
     * The Deployment, StatefulSet or DaemonSet that owns the pod: directly, or through a ReplicaSet whose name is
     * the Deployment's name plus the pod-template hash.
     */
    public static Optional<PodOwner> owner(Pod pod) {
        if (pod == null || pod.getMetadata() == null || pod.getMetadata().getNamespace() == null) {
            return Optional.empty();
        }
        String namespace = pod.getMetadata().getNamespace();
        for (OwnerReference owner : nullSafe(pod.getMetadata().getOwnerReferences())) {
            if (owner == null || owner.getName() == null || owner.getKind() == null) {
                continue;
            }
            switch (owner.getKind()) {
                case "StatefulSet":
                    return Optional.of(new PodOwner(WorkloadKind.STATEFUL_SET, namespace, owner.getName()));
                case "DaemonSet":
                    return Optional.of(new PodOwner(WorkloadKind.DAEMON_SET, namespace, owner.getName()));
                case "Deployment":
                    return Optional.of(new PodOwner(WorkloadKind.DEPLOYMENT, namespace, owner.getName()));
                case "ReplicaSet":
                    return deploymentOf(owner.getName(), pod)
                            .map(d -> new PodOwner(WorkloadKind.DEPLOYMENT, namespace, d));
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /** Whether the pod's {@code Ready} condition is {@code True}. */
    public static boolean ready(Pod pod) {
        if (pod == null || pod.getStatus() == null) {
            return false;
        }
        for (PodCondition condition : nullSafe(pod.getStatus().getConditions())) {
            if (condition != null && "Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    /** Restarts of all its containers together. */
    public static int restartCount(Pod pod) {
        if (pod == null || pod.getStatus() == null) {
            return 0;
        }
        int restarts = 0;
        for (ContainerStatus status : nullSafe(pod.getStatus().getContainerStatuses())) {
            if (status != null && status.getRestartCount() != null && status.getRestartCount() > 0) {
                restarts += status.getRestartCount();
            }
        }
        return restarts;
    }

    /**
     * When the pod last read its Secret through env: the earliest start of its running containers (a container
     * restart re-reads env, so the oldest running container is the stalest reader); the pod's start time when no
     * container runs yet; empty while pending.
     */
    public static Optional<Instant> startedAt(Pod pod) {
        if (pod == null || pod.getStatus() == null) {
            return Optional.empty();
        }
        Optional<Instant> earliestContainer = nullSafe(pod.getStatus().getContainerStatuses()).stream()
                .filter(s -> s != null && s.getState() != null && s.getState().getRunning() != null)
                .map(s -> time(s.getState().getRunning().getStartedAt()))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
        return earliestContainer.isPresent()
                ? earliestContainer
                : time(pod.getStatus().getStartTime());
    }

    /** An RFC 3339 time from the API, or empty when absent or malformed. */
    public static Optional<Instant> time(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> deploymentOf(String replicaSet, Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String hash = labels == null ? null : labels.get(POD_TEMPLATE_HASH);
        if (hash != null && replicaSet.endsWith("-" + hash) && replicaSet.length() > hash.length() + 1) {
            return Optional.of(replicaSet.substring(0, replicaSet.length() - hash.length() - 1));
        }
        int dash = replicaSet.lastIndexOf('-');
        return dash > 0 ? Optional.of(replicaSet.substring(0, dash)) : Optional.empty();
    }

    private static List<String> secretsOf(Volume volume) {
        List<String> secrets = new ArrayList<>();
        if (volume.getSecret() != null && volume.getSecret().getSecretName() != null) {
            secrets.add(volume.getSecret().getSecretName());
        }
        if (volume.getProjected() != null) {
            for (VolumeProjection source : nullSafe(volume.getProjected().getSources())) {
                if (source != null
                        && source.getSecret() != null
                        && source.getSecret().getName() != null) {
                    secrets.add(source.getSecret().getName());
                }
            }
        }
        return secrets;
    }

    // A subPath mount is frozen at container start like env; a whole-volume mount is refreshed by the kubelet.
    // A volume that no container mounts still counts as a volume read: it is in the pod spec.
    private static Set<SecretMount> mountKinds(String volumeName, List<Container> containers) {
        boolean subPath = false;
        boolean whole = false;
        for (Container container : containers) {
            for (VolumeMount mount : nullSafe(container.getVolumeMounts())) {
                if (mount == null || volumeName == null || !volumeName.equals(mount.getName())) {
                    continue;
                }
                if (notEmpty(mount.getSubPath()) || notEmpty(mount.getSubPathExpr())) {
                    subPath = true;
                } else {
                    whole = true;
                }
            }
        }
        Set<SecretMount> kinds = EnumSet.noneOf(SecretMount.class);
        if (subPath) {
            kinds.add(SecretMount.SUB_PATH);
        }
        if (whole || !subPath) {
            kinds.add(SecretMount.VOLUME);
        }
        return kinds;
    }

    private static List<Container> containers(PodSpec spec) {
        return Stream.concat(nullSafe(spec.getInitContainers()).stream(), nullSafe(spec.getContainers()).stream())
                .filter(c -> c != null)
                .toList();
    }

    private static void add(Map<String, Set<SecretMount>> reads, String secret, SecretMount how) {
        if (secret != null && !secret.isEmpty()) {
            reads.computeIfAbsent(secret, k -> EnumSet.noneOf(SecretMount.class))
                    .add(how);
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
