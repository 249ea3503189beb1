/**
 * The remediation steps, Strimzi-style: small named steps, each a function returning a {@code Future}, chained
 * flat by {@link dev.credrift.reconciler.step.RemediationRunner}. Every step is idempotent and says when its work
 * was already done, so a resumed remediation repeats none of it:
 *
 * <ul>
 * <li>{@link dev.credrift.reconciler.step.CreateStoreAccountStep} — story 2: the MinIO service account with exactly
 *     the vault's keys, listed first and never overwritten;</li>
 * <li>{@link dev.credrift.reconciler.step.ProbeAuthorityStep} — the store must accept the authority's credential
 *     (verify before write);</li>
 * <li>{@link dev.credrift.reconciler.step.WriteVaultStep} — PATCH the 1Password item, read back until visible;</li>
 * <li>{@link dev.credrift.reconciler.step.ForceSyncStep} — annotate the ExternalSecret {@code force-sync=<epoch
 *     seconds>}, the value journaled first and reused on resume;</li>
 * <li>{@link dev.credrift.reconciler.step.AwaitReplicaStep} — the replica holds the authority's credential and ESO
 *     says Ready (bounded);</li>
 * <li>{@link dev.credrift.reconciler.step.RollOutStep} — set the pod template's {@code restartedAt} of a workload
 *     that is still stale, after charging the rollout budgets and journaling the value (so a crash after the patch
 *     re-applies the same value: no second rollout);</li>
 * <li>{@link dev.credrift.reconciler.step.AwaitReadyStep} — the readiness gate: every rolled pod replaced and ready
 *     and the consumers' credential accepted by the store, within {@code rollout.readinessTimeout}, else the binding
 *     halts — only if the store accepts the authority's credential now.</li>
 * </ul>
 *
 * <p>Right before a point of no return (writing the vault, creating a store account, rolling a workload) and on every
 * poll of the two waits, {@link dev.credrift.reconciler.step.AuthorityGate} looks at the authority afresh (architecture.md
 * §5.1): an authority that moved on supersedes the remediation, one the store refuses now stops it before it acts.
 */
package dev.credrift.reconciler.step;
