package dev.credrift.reconciler.handle;

import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.Step;
import dev.credrift.reconciler.step.StoreChecks;

/**
 * What a managed rotation acts with: the store's key ports reach the store through {@code cluster} (admin Secrets,
 * the Rook spec, a plain RGW user's source Secret), new keys are checked with {@code store}, and the vault is written by the remediation's own step.
 */
record RotationPorts(Exec exec, ClusterPorts cluster, StoreChecks store, Step writeVault) {}
