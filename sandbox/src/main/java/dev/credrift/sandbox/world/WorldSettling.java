package dev.credrift.sandbox.world;

import dev.credrift.sandbox.emulate.EmulatedKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a freshly started world to settle: every ExternalSecret synced or failed, every workload's pods started
 * and probed ({@link WorkloadState#settled}).
 */
final class WorldSettling {

    private WorldSettling() {}

    /** Whether the world settled before {@code timeout} ran out (or the waiting thread was interrupted). */
    static boolean await(World world, Duration timeout) {
        Instant deadline = world.clock().instant().plus(timeout);
        while (world.clock().instant().isBefore(deadline)) {
            if (isSettled(world)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static boolean isSettled(World world) {
        KubernetesClient client = world.kubernetesClient();
        for (GenericKubernetesResource es : client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inAnyNamespace()
                .list()
                .getItems()) {
            if (es.get("status", "conditions") == null) {
                return false;
            }
        }
        for (var set : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
            if (!WorkloadState.settled(
                    world,
                    set.getMetadata().getNamespace(),
                    "StatefulSet",
                    set.getMetadata().getName())) {
                return false;
            }
        }
        for (var deployment :
                client.apps().deployments().inAnyNamespace().list().getItems()) {
            if (!WorkloadState.settled(
                    world,
                    deployment.getMetadata().getNamespace(),
                    "Deployment",
                    deployment.getMetadata().getName())) {
                return false;
            }
        }
        for (var set : client.apps().daemonSets().inAnyNamespace().list().getItems()) {
            if (!WorkloadState.settled(
                    world,
                    set.getMetadata().getNamespace(),
                    "DaemonSet",
                    set.getMetadata().getName())) {
                return false;
            }
        }
        return true;
    }
}
