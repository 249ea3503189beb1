/**
 * From a drift class to the ordered steps that heal it (architecture.md §4), pure and table-tested:
 *
 * <ul>
 * <li>{@code VAULT_STALE}: probe the authority → write the vault → force-sync → await the replica → roll each
 *     consumer → await ready;</li>
 * <li>{@code REPLICA_STALE}: probe → force-sync → await the replica → roll → await ready;</li>
 * <li>{@code CONSUMERS_STALE}: probe → roll each stale consumer → await ready;</li>
 * <li>{@code STORE_MISSING_ACCOUNT} (story 2): create the MinIO service account → probe → force-sync → await the
 *     replica (only if the replica differs) → roll each consumer that is stale or not ready → await ready;</li>
 * <li>every other class: alert only (an empty plan), with the reason in its notes.</li>
 * </ul>
 *
 * Every plan that writes or rolls starts with a probe: invariant 2, verify before write. Workloads that a rollout
 * restart would not restart (a paused Deployment, an {@code OnDelete} strategy) are left out and said so.
 */
package dev.credrift.reconciler.plan;
