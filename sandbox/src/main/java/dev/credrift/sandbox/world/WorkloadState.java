package dev.credrift.sandbox.world;

import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.emulate.workload.WorkloadKind;
import dev.credrift.sandbox.emulate.workload.WorkloadRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/** A workload as the world sees it: desired replicas from the API, pods and their health from the kubelet. */
final class WorkloadState {

    private WorkloadState() {}

    static WorkloadRef ref(String namespace, String kind, String name) {
        return new WorkloadRef(
                namespace,
                WorkloadKind.fromKind(kind)
                        .orElseThrow(() -> new IllegalArgumentException("not a workload kind: " + kind)),
                name);
    }

    /** Desired replicas, or empty if the workload does not exist. */
    static Optional<Integer> desired(KubernetesClient client, String namespace, String kind, String name) {
        return switch (kind) {
            case "StatefulSet" ->
                Optional.ofNullable(client.apps()
                                .statefulSets()
                                .inNamespace(namespace)
                                .withName(name)
                                .get())
                        .map(s -> s.getSpec().getReplicas() == null
                                ? 1
                                : s.getSpec().getReplicas());
            case "Deployment" ->
                Optional.ofNullable(client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .withName(name)
                                .get())
                        .map(d -> d.getSpec().getReplicas() == null
                                ? 1
                                : d.getSpec().getReplicas());
            case "DaemonSet" ->
                Optional.ofNullable(client.apps()
                                .daemonSets()
                                .inNamespace(namespace)
                                .withName(name)
                                .get())
                        .map(d -> 1);
            default -> Optional.empty();
        };
    }

    static List<PodHealth> pods(World world, String namespace, String kind, String name) {
        return world.workloads().pods(ref(namespace, kind, name));
    }

    /** Every desired pod exists, and each is ready, refused, crash-looping or unable to start: nothing in flight. */
    static boolean settled(World world, String namespace, String kind, String name) {
        Optional<Integer> desired = desired(world.kubernetesClient(), namespace, kind, name);
        if (desired.isEmpty()) {
            return true;
        }
        List<PodHealth> pods = pods(world, namespace, kind, name);
        if (pods.size() != desired.get()) {
            return false;
        }
        return pods.stream()
                .allMatch(p -> p.ready()
                        || p.lastProbe().isPresent()
                        || p.startFailure().isPresent());
    }
}
