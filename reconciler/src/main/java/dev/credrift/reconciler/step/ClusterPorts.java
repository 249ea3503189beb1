package dev.credrift.reconciler.step;

import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.WorldReader;

/** The cluster as steps see it: {@code reader} reads (mostly from the caches), {@code kube} writes. */
public record ClusterPorts(KubeGateway kube, WorldReader reader) {}
