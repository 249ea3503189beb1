/**
 * The reconciler: {@link dev.credrift.reconciler.Reconciler#deploy} starts it in a Kafka consumer group on
 * {@code credrift.observations}; for each binding it is nudged about it reads the world itself, assesses it,
 * classifies the drift (architecture.md §4), plans and carries out the remediation step by step with a journal on
 * {@code credrift.state}, and reports on {@code credrift.outcomes}, {@code credrift.audit}, the binding's status,
 * Kubernetes Events and metrics. Configured by {@link dev.credrift.reconciler.ReconcilerConfig}.
 *
 * <p>Packages: {@code world} (reading), {@code assess}, {@code classify}, {@code plan} (pure logic), {@code step}
 * (the remediation steps), {@code journal}, {@code report}, {@code resilience}, {@code consume}, {@code handle}
 * (one handling of one binding), {@code kafka}; {@code probe} (the store probe) and {@code vault} (the 1Password
 * Connect client).
 */
package dev.credrift.reconciler;
