package dev.credrift.reconciler.handle;

import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.Step;
import dev.credrift.reconciler.step.StoreChecks;
import dev.credrift.reconciler.world.KubeGateway;

/**
 * What a managed rotation acts with: the store's key ports reach the store through {@code kube} (admin Secrets, the
 * Rook spec), new keys are checked with {@code store}, and the vault is written by the remediation's own step.
 */
record RotationPorts(Exec exec, KubeGateway kube, StoreChecks store, Step writeVault) {}
