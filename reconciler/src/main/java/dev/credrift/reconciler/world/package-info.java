/**
 * Reading the world a binding declares, fresh for every assessment (the reconciler is level-triggered): the
 * binding, the source Secret, the 1Password item, the ExternalSecret and its replica Secret, the consumer workloads
 * and their pods, and the store's probe target. Credentials live here only in memory, as
 * {@link dev.credrift.events.credential.Credential}s; everything else in this package is safe to log.
 *
 * <p>{@link dev.credrift.reconciler.world.KubeGateway} is the one place that calls the Kubernetes API (blocking),
 * {@link dev.credrift.reconciler.world.VaultAccess} the one place that calls 1Password; both run on a worker
 * executor behind the resilience guards.
 */
package dev.credrift.reconciler.world;
