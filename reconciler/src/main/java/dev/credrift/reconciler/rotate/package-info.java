/**
 * Managed zero-downtime rotation (issue 17): a pure planner that, from the binding's {@code spec.rotation}, the
 * rotation journal entry, the keys the store holds and the time, returns a sealed
 * {@link dev.credrift.reconciler.rotate.RotationDecision}; and the journal records that make a crash resume without
 * minting a third key, rolling twice or revoking a key that is still held.
 *
 * <p>Store adapters live in subpackages ({@code rgw}: Ceph RGW Admin Ops; MinIO service accounts are in
 * {@code reconciler.minio}). Effects are carried out by the handler after the decision (decide, then do).
 */
package dev.credrift.reconciler.rotate;
