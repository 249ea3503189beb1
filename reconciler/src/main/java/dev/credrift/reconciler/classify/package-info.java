/**
 * The verdict of an assessment (architecture.md §4): a drift class with a CamelCase reason and a detail for humans, or
 * "undetermined" when a hop or the store could not be read (then nothing is done but to say so). Pure and
 * table-tested; the order of the checks is the table's order:
 *
 * <ol>
 * <li>the authority's credential cannot be read, or the store cannot be asked → undetermined;</li>
 * <li>TLS failure → {@code ENDPOINT_UNTRUSTED}; the store refuses the credential → {@code AUTHORITY_REJECTED}
 *     ({@code STORE_MISSING_ACCOUNT} when the vault is the authority, the source is MinIO and the key is
 *     unknown: {@code InvalidAccessKeyId}, not a wrong secret — that stays {@code AUTHORITY_REJECTED});</li>
 * <li>the vault or the ExternalSecret cannot be read → undetermined (nothing past them could be healed);</li>
 * <li>the vault differs → {@code VAULT_STALE}, or {@code REPLICA_UNSYNCABLE} when ESO would ignore a force-sync
 *     (writing the vault could not reach the replica);</li>
 * <li>the replica differs → {@code REPLICA_STALE}, or {@code REPLICA_UNSYNCABLE} when ESO ignores force-sync or
 *     reports {@code SecretSyncedError} for a vault that is right;</li>
 * <li>a consumer is stale → {@code CONSUMERS_STALE}; one is still starting → undetermined for now;</li>
 * <li>else {@code IN_SYNC}.</li>
 * </ol>
 *
 * <p>A role-based binding ({@code spec.source.webIdentity}) has no vault or replica hop: {@code RoleBindings} decides
 * on the identity exchange alone — refused → {@code IDENTITY_REJECTED} (with what did not match), no token or no
 * answer from STS → undetermined, the temporary keys judged by the store as above, else {@code IN_SYNC}.
 *
 * <p>{@code Attention} says which verdicts leave consumers broken with nothing automatic to heal them (an unreadable
 * hop, stale pods of a paused Deployment), so that a human is told once when the state is reached.
 */
package dev.credrift.reconciler.classify;
