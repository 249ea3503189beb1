package dev.credrift.reconciler.world;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which changes may end an await step's wait, as filters for {@link WorldReader#onChange}: the changes of other
 * bindings' objects in a shared namespace wake nobody, so a burst of N rotations costs each wait only its own events.
 * Pure.
 */
public final class Awaited {

    private Awaited() {}

    /**
     * The binding's ExternalSecret and the replica Secret it writes: by name (a target named like its
     * ExternalSecret, the usual case) or by ESO's owner reference. A target by another name without owner
     * reference is seen by the await's timer only.
     */
    public static Predicate<HasMetadata> replica(BoundBinding binding) {
        String externalSecret =
                binding.spec().replica() == null || binding.spec().replica().externalSecret() == null
                        ? null
                        : binding.spec().replica().externalSecret().name();
        if (externalSecret == null) {
            return object -> false;
        }
        return object -> {
            String name =
                    object.getMetadata() == null ? null : object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                return externalSecret.equals(name);
            }
            return object instanceof Secret && (externalSecret.equals(name) || ownedBy(object, externalSecret));
        };
    }

    /**
     * The workloads, their pods (and bare pods, which no controller owns and a workload's selector may pick), and
     * the replica. Pods another controller owns (a Job's) wake nobody: a CronJob's churn would wake every wait.
     */
    public static Predicate<HasMetadata> consumers(BoundBinding binding, List<WorkloadRef> workloads) {
        Predicate<HasMetadata> replica = replica(binding);
        return object -> {
            if (object instanceof Pod pod) {
                return PodReading.owner(pod).map(workloads::contains).orElseGet(() -> bare(pod));
            }
            if (object instanceof Deployment || object instanceof StatefulSet || object instanceof DaemonSet) {
                return workloads.stream()
                        .anyMatch(ref -> kindOf(ref).isInstance(object)
                                && Objects.equals(
                                        ref.name(), object.getMetadata().getName()));
            }
            return replica.test(object);
        };
    }

    private static Class<?> kindOf(WorkloadRef ref) {
        return switch (ref.kind()) {
            case DEPLOYMENT -> Deployment.class;
            case STATEFUL_SET -> StatefulSet.class;
            case DAEMON_SET -> DaemonSet.class;
            case UNRECOGNIZED -> Void.class;
        };
    }

    private static boolean bare(Pod pod) {
        List<OwnerReference> owners =
                pod.getMetadata() == null ? null : pod.getMetadata().getOwnerReferences();
        return owners == null || owners.stream().noneMatch(o -> Boolean.TRUE.equals(o.getController()));
    }

    private static boolean ownedBy(HasMetadata object, String externalSecret) {
        List<OwnerReference> owners =
                object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
        return owners != null
                && owners.stream()
                        .anyMatch(o -> "ExternalSecret".equals(o.getKind()) && externalSecret.equals(o.getName()));
    }
}
