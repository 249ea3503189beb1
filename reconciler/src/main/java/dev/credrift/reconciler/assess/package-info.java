/**
 * From a {@link dev.credrift.reconciler.world.WorldSnapshot} and the store's verdict on the authority's credential
 * to an {@link dev.credrift.reconciler.assess.Assessment}: fingerprints per hop, whether each hop holds the
 * authority's credential, whether ESO can be made to sync, and whether each consumer's pods are fresh and ready.
 * Pure: the same inputs give the same assessment, so it is table-tested without I/O.
 *
 * <p>When did the replica last change? {@link dev.credrift.reconciler.assess.ReplicaChange} tracks it by
 * fingerprint in the journal (resourceVersion also moves on label and annotation edits, which consumers never see):
 * the first time a replica is seen, the newest {@code managedFields} time (else {@code creationTimestamp}); when its
 * fingerprint changes, the newest {@code managedFields} time after the last known change, else the moment the
 * change was observed. A pod that started before that moment is stale (start times come in whole seconds: a pod
 * started in the very second of the change counts as stale unless the rollout that made it was after the change, as
 * its stamp or the binding's journaled rollouts tell; when the change time was only inferred on first sight, a pod
 * is stale only when it started more than a minute before, see {@code OnReplica.FIRST_SIGHT_SLACK}; the roll step
 * judges by the same {@link dev.credrift.reconciler.assess.OnReplica rule}), however it reads the Secret (most S3
 * clients read credentials once at start, even from a mounted file) unless
 * {@code volumeMountsRefresh} says that consumers reading a whole-Secret volume pick up changes by themselves; env
 * and {@code subPath} readers are always stale then. A pod that is not ready while holding a credential the store
 * refuses is stale at once ({@link dev.credrift.reconciler.assess.CredentialRefusal}: failing on auth is not
 * starting); a pod not ready past a grace period for a cause that cannot be told is stale too (it may have failed
 * with the old key before anyone could see when the replica changed).
 */
package dev.credrift.reconciler.assess;
