package dev.credrift.reconciler.world;

import dev.credrift.api.spec.ConsumerRef;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the workloads that consume the replica: the ones the binding lists, or else the owners of the pods whose
 * spec references the replica Secret, and reads each with its pods.
 */
final class ConsumerFinder {

    private final ClusterReads kube;

    ConsumerFinder(ClusterReads kube) {
        this.kube = kube;
    }

    record Found(List<ConsumerWorkload> workloads, List<String> problems) {}

    /** Blocking. */
    Found find(String namespace, String replicaSecret, List<ConsumerRef> explicit) {
        List<String> problems = new ArrayList<>();
        Set<WorkloadRef> refs = new TreeSet<>();
        if (explicit.isEmpty()) {
            for (Pod pod : kube.podsReading(namespace, replicaSecret)) {
                Optional<WorkloadRef> owner = PodReading.owner(pod);
                if (owner.isPresent()) {
                    refs.add(owner.get());
                } else {
                    problems.add("pod " + namespace + "/" + pod.getMetadata().getName() + " reads Secret "
                            + replicaSecret + " but no Deployment, StatefulSet or DaemonSet owns it: it cannot be"
                            + " rolled");
                }
            }
        } else {
            for (ConsumerRef consumer : explicit) {
                if (consumer == null
                        || consumer.kind() == null
                        || consumer.kind() == WorkloadKind.UNRECOGNIZED
                        || consumer.name() == null) {
                    continue; // the validator reports it
                }
                refs.add(new WorkloadRef(consumer.kind(), namespace, consumer.name()));
            }
        }
        List<ConsumerWorkload> workloads = new ArrayList<>();
        for (WorkloadRef ref : refs) {
            Optional<HasMetadata> object = kube.workload(ref);
            if (object.isEmpty()) {
                problems.add(ref.describe() + " does not exist");
                continue;
            }
            workloads.add(read(ref, object.get(), replicaSecret));
        }
        return new Found(workloads, problems);
    }

    /** One workload and its pods, if it exists. Blocking. */
    Optional<ConsumerWorkload> one(WorkloadRef ref, String replicaSecret) {
        Optional<HasMetadata> object = kube.workload(ref);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(ref, object.get(), replicaSecret));
    }

    private ConsumerWorkload read(WorkloadRef ref, HasMetadata object, String replicaSecret) {
        PodTemplateSpec template;
        LabelSelector selector;
        Optional<RollBlocker> blocker = Optional.empty();
        int desired;
        Long observedGeneration;
        Integer updated;
        if (object instanceof Deployment d) {
            template = d.getSpec() == null ? null : d.getSpec().getTemplate();
            selector = d.getSpec() == null ? null : d.getSpec().getSelector();
            if (d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused())) {
                blocker = Optional.of(RollBlocker.paused(ref));
            }
            desired = d.getSpec() == null || d.getSpec().getReplicas() == null
                    ? 1
                    : d.getSpec().getReplicas();
            observedGeneration = d.getStatus() == null ? null : d.getStatus().getObservedGeneration();
            updated = d.getStatus() == null ? null : d.getStatus().getUpdatedReplicas();
        } else if (object instanceof StatefulSet s) {
            template = s.getSpec() == null ? null : s.getSpec().getTemplate();
            selector = s.getSpec() == null ? null : s.getSpec().getSelector();
            if (s.getSpec() != null
                    && s.getSpec().getUpdateStrategy() != null
                    && "OnDelete".equals(s.getSpec().getUpdateStrategy().getType())) {
                blocker = Optional.of(RollBlocker.onDelete(ref));
            }
            desired = s.getSpec() == null || s.getSpec().getReplicas() == null
                    ? 1
                    : s.getSpec().getReplicas();
            observedGeneration = s.getStatus() == null ? null : s.getStatus().getObservedGeneration();
            updated = s.getStatus() == null ? null : s.getStatus().getUpdatedReplicas();
        } else if (object instanceof DaemonSet ds) {
            template = ds.getSpec() == null ? null : ds.getSpec().getTemplate();
            selector = ds.getSpec() == null ? null : ds.getSpec().getSelector();
            if (ds.getSpec() != null
                    && ds.getSpec().getUpdateStrategy() != null
                    && "OnDelete".equals(ds.getSpec().getUpdateStrategy().getType())) {
                blocker = Optional.of(RollBlocker.onDelete(ref));
            }
            desired = ds.getStatus() == null || ds.getStatus().getDesiredNumberScheduled() == null
                    ? 0
                    : ds.getStatus().getDesiredNumberScheduled();
            observedGeneration = ds.getStatus() == null ? null : ds.getStatus().getObservedGeneration();
            updated = ds.getStatus() == null ? null : ds.getStatus().getUpdatedNumberScheduled();
        } else {
            throw new IllegalStateException("unexpected workload type for " + ref);
        }
        Set<SecretMount> readsVia = template == null
                ? Set.of()
                : PodReading.secretsRead(template.getSpec()).getOrDefault(replicaSecret, Set.of());
        Optional<String> restartedAt = template == null
                        || template.getMetadata() == null
                        || template.getMetadata().getAnnotations() == null
                ? Optional.empty()
                : Optional.ofNullable(template.getMetadata().getAnnotations().get(KubeGateway.RESTARTED_AT));
        List<ConsumerPod> own = new ArrayList<>();
        for (Pod pod : kube.podsOf(ref, selector)) {
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                Map<String, String> annotations = pod.getMetadata().getAnnotations();
                own.add(new ConsumerPod(
                        pod.getMetadata().getName(),
                        PodReading.ready(pod),
                        PodReading.startedAt(pod),
                        Optional.ofNullable(annotations == null ? null : annotations.get(KubeGateway.RESTARTED_AT)),
                        reads(pod, replicaSecret)));
            }
        }
        return new ConsumerWorkload(
                ref,
                blocker,
                object.getMetadata().getGeneration(),
                observedGeneration,
                desired,
                updated,
                restartedAt,
                readsVia,
                own);
    }

    private static Set<SecretMount> reads(Pod pod, String secret) {
        Set<SecretMount> reads = PodReading.secretsRead(pod.getSpec()).get(secret);
        return reads == null ? EnumSet.noneOf(SecretMount.class) : reads;
    }
}
