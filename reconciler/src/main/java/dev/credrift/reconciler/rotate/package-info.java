/**
 * Managed zero-downtime rotation (issue 17): a pure planner that, from the binding's {@code spec.rotation}, the
 * rotation journal, the keys the store holds, the keys the hops hold and the time, returns a sealed
 * {@link dev.credrift.reconciler.rotate.RotationDecision}; and the journal records that make a crash resume without
 * minting a third key, rolling twice or revoking a key that is still held. Steps are the events contract's
 * {@code RotationStepKind}, so journal, decisions and {@code rotation.*} events name them alike.
 *
 * <p>The handler's one seam is {@link dev.credrift.reconciler.rotate.Rotations}: after assessing a binding it asks
 * for a decision and carries it out as a flat chain of effects (decide, then do). Store adapters: {@code rgw} (Ceph
 * RGW Admin Ops) and {@code reconciler.minio.MinioAdmin} (MinIO service accounts).
 */
package dev.credrift.reconciler.rotate;
